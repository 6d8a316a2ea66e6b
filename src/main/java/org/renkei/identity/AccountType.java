package org.renkei.identity;

/**
 * The kinds of password account as stored: who holds it, how a session of it authenticates, and whether a
 * second factor is required.
 */
enum AccountType {
    /** The operator's staff (support centre, secretariat): second factor required. */
    OPERATOR(Actor.AccountKind.OPERATOR, AuthLevel.OPERATOR_PASSWORD, true),
    /** A facility's administrator (管理責任者): second factor optional. */
    FACILITY_ADMINISTRATOR(Actor.AccountKind.FACILITY_ADMINISTRATOR, AuthLevel.FACILITY_ADMIN_PASSWORD, false),
    /** A self-registered staff member waiting for the formal user application (仮アカウント, USR-03). */
    PROVISIONAL(Actor.AccountKind.STAFF, AuthLevel.PROVISIONAL_PASSWORD, false),
    /** Issued by the support centre to a card user who cannot use the card (臨時アカウント, USR-04). */
    TEMPORARY(Actor.AccountKind.STAFF, AuthLevel.TEMPORARY_PASSWORD, true);

    private final Actor.AccountKind actorKind;
    private final AuthLevel authLevel;
    private final boolean secondFactorRequired;

    AccountType(Actor.AccountKind actorKind, AuthLevel authLevel, boolean secondFactorRequired) {
        this.actorKind = actorKind;
        this.authLevel = authLevel;
        this.secondFactorRequired = secondFactorRequired;
    }

    Actor.AccountKind actorKind() {
        return actorKind;
    }

    AuthLevel authLevel() {
        return authLevel;
    }

    /** Whether every login needs the second factor, enrolled at the first login before anything else. */
    boolean secondFactorRequired() {
        return secondFactorRequired;
    }

    /** Whether the account belongs to a registered user (利用者) and carries the user's staff id. */
    boolean forStaff() {
        return actorKind == Actor.AccountKind.STAFF;
    }

    static AccountType of(Actor.AccountKind kind) {
        return switch (kind) {
            case OPERATOR -> OPERATOR;
            case FACILITY_ADMINISTRATOR -> FACILITY_ADMINISTRATOR;
            case STAFF -> throw new IllegalArgumentException("staff accounts are provisional or temporary");
        };
    }
}

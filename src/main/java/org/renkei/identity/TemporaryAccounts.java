package org.renkei.identity;

import org.springframework.context.ApplicationEventPublisher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Temporary accounts (臨時アカウント, USR-04): the support centre issues one to an active user who cannot log in
 * with their card (card forgotten, reader broken), with the reason recorded. It is valid 30 days and may be
 * renewed once for another 30; it needs the second factor, enrolled at the first login, and its initial password
 * is changed then. Nothing of the user's card is revoked: the card goes on working beside it.
 */
@Service
class TemporaryAccounts {

    private static final Logger log = LoggerFactory.getLogger(TemporaryAccounts.class);

    static final Duration VALIDITY = Duration.ofDays(30);
    static final int MAX_RENEWALS = 1;
    static final int MAX_REASON_LENGTH = 200;

    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    /** What the operator hands over once: the ID and the initial password. */
    record Issued(UUID accountId, String username, String password, Instant validUntil) {
    }

    private final Accounts accounts;
    private final LoginAccounts loginAccounts;
    private final PasswordEncoder encoder;
    private final ObjectProvider<StaffDirectory> staff;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final ApplicationEventPublisher events;

    TemporaryAccounts(Accounts accounts, LoginAccounts loginAccounts, PasswordEncoder encoder,
            ObjectProvider<StaffDirectory> staff, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.loginAccounts = loginAccounts;
        this.encoder = encoder;
        this.staff = staff;
        this.clock = clock;
    }

    @Transactional
    public Issued issue(UUID staffId, String reason, Actor operator) {
        events.publishEvent(new AdministrativeAct(operator, "temporary account issued", "Staff", String.valueOf(staffId)));
        requireOperator(operator);
        StaffDirectory.StaffProfile user = profile(staffId);
        if (!user.active()) {
            throw new InvalidInputException("temporary.staff.notActive");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("temporary.reason.missing");
        }
        if (reason.strip().length() > MAX_REASON_LENGTH) {
            throw new InvalidInputException("temporary.reason.tooLong", MAX_REASON_LENGTH);
        }
        Instant now = clock.instant();
        accounts.ofStaff(staffId).stream()
                .filter(a -> a.type() == AccountType.TEMPORARY && AccountStanding.refusal(a, now).isEmpty())
                .findFirst().ifPresent(valid -> {
                    throw new InvalidInputException("temporary.alreadyValid", valid.username());
                });
        String username = newUsername();
        String password = loginAccounts.randomPassword();
        UUID id = UUID.randomUUID();
        Instant validUntil = now.plus(VALIDITY);
        accounts.insert(new Accounts.NewAccount(id, username, user.displayName(), encoder.encode(password),
                AccountType.TEMPORARY, user.facilityId(), staffId, true, validUntil, true, reason.strip(),
                who(operator)), now);
        log.info("Temporary account {} issued for staff {} by {}", id, staffId, operator.username());
        return new Issued(id, username, password, validUntil);
    }

    /** Renews a temporary account once, for another 30 days from its end (or from now, if it has ended). */
    @Transactional
    public Instant renew(UUID accountId, Actor operator) {
        events.publishEvent(new AdministrativeAct(operator, "temporary account renewed", "Account", String.valueOf(accountId)));
        requireOperator(operator);
        Account account = accounts.lock(accountId).filter(a -> a.type() == AccountType.TEMPORARY)
                .orElseThrow(() -> new NotFoundException("temporary account"));
        if (account.closed()) {
            throw new InvalidInputException("temporary.closed");
        }
        if (account.renewals() >= MAX_RENEWALS) {
            throw new InvalidInputException("temporary.renewal.exhausted");
        }
        if (!profile(account.staffId()).active()) {
            throw new InvalidInputException("temporary.staff.notActive");
        }
        Instant now = clock.instant();
        Instant validUntil = (account.validUntil().isAfter(now) ? account.validUntil() : now).plus(VALIDITY);
        accounts.renew(accountId, validUntil);
        log.info("Temporary account {} renewed until {} by {}", accountId, validUntil, operator.username());
        return validUntil;
    }

    private StaffDirectory.StaffProfile profile(UUID staffId) {
        StaffDirectory directory = staff.getIfAvailable();
        if (directory == null || staffId == null) {
            throw new NotFoundException("staff member");
        }
        return directory.profile(staffId).orElseThrow(() -> new NotFoundException("staff member"));
    }

    private String newUsername() {
        while (true) {
            var b = new StringBuilder("tmp-");
            for (int i = 0; i < 8; i++) {
                b.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
            }
            if (!accounts.existsByUsername(b.toString())) {
                return b.toString();
            }
        }
    }

    private static void requireOperator(Actor actor) {
        if (actor == null || !actor.isOperator()) {
            throw new InvalidInputException("account.operatorOnly");
        }
    }

    private static String who(Actor actor) {
        return actor.displayName() + " (" + actor.username() + ")";
    }
}

package org.renkei.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.renkei.platform.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and closes password accounts: the operator's staff, facility administrators, and the provisional
 * accounts (仮アカウント, USR-03) of people who registered themselves. Every password follows {@link
 * PasswordPolicy} (USR-05); an initial password that someone else has seen is changed at the first login.
 */
@Service
public class LoginAccounts {

    private static final Logger log = LoggerFactory.getLogger(LoginAccounts.class);

    /** A provisional account is usable for at most 180 days from its confirmation (USR-03). */
    public static final Duration PROVISIONAL_VALIDITY = Duration.ofDays(180);

    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String PASSWORD_ALPHABET = LETTERS + "23456789";
    private static final String PASSWORD_SYMBOLS = "!#%+-=?@";

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    LoginAccounts(Accounts accounts, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    /**
     * An account for a facility's administrator. Returns the initial password, to be handed over once; it is
     * changed at the first login.
     */
    @Transactional
    public String createFacilityAdministrator(String username, String displayName, UUID facilityId) {
        String password = randomPassword();
        create(username, displayName, password, AccountType.FACILITY_ADMINISTRATOR, facilityId, true);
        return password;
    }

    /** An account with a password its holder chose (first operator account, demo data). */
    @Transactional
    public UUID create(String username, String displayName, String password, Actor.AccountKind kind,
            UUID facilityId) {
        return create(username, displayName, password, AccountType.of(kind), facilityId, false);
    }

    @Transactional
    UUID create(String username, String displayName, String password, AccountType type, UUID facilityId,
            boolean mustChangePassword) {
        checkUsername(username);
        if (type == AccountType.FACILITY_ADMINISTRATOR && facilityId == null) {
            throw new InvalidInputException("account.facility.required");
        }
        checkPassword(password);
        UUID id = UUID.randomUUID();
        accounts.insert(new Accounts.NewAccount(id, username, displayName, encoder.encode(password), type,
                type == AccountType.OPERATOR ? null : facilityId, null, true, null, mustChangePassword, null, null),
                clock.instant());
        return id;
    }

    /**
     * Holds the ID and password a person chose on the self-registration page (USR-03): a provisional account that
     * cannot log in until their facility's administrator confirms it ({@link #confirmProvisional}). Refused with
     * an {@link InvalidInputException} when the ID is taken or the password breaks the rules.
     */
    @Transactional
    public UUID registerProvisional(String username, String displayName, String password, UUID facilityId) {
        checkUsername(username);
        checkPassword(password);
        UUID id = UUID.randomUUID();
        accounts.insert(new Accounts.NewAccount(id, username, displayName, encoder.encode(password),
                AccountType.PROVISIONAL, facilityId, null, false, null, false, null, null), clock.instant());
        return id;
    }

    /**
     * The facility administrator confirmed the registration and filed the user add application: the account logs
     * in as that user (still applying) for {@link #PROVISIONAL_VALIDITY} from now. Returns the end of its validity.
     */
    @Transactional
    public Instant confirmProvisional(UUID accountId, UUID staffId) {
        Instant validUntil = clock.instant().plus(PROVISIONAL_VALIDITY);
        if (!accounts.confirmProvisional(accountId, staffId, validUntil)) {
            throw new InvalidInputException("account.provisional.notWaiting");
        }
        log.info("Provisional account {} confirmed for staff {} until {}", accountId, staffId, validUntil);
        return validUntil;
    }

    /** Closes a provisional account whose registration was turned down. */
    @Transactional
    public void closeProvisional(UUID accountId, String reason) {
        accounts.lock(accountId).filter(a -> a.type() == AccountType.PROVISIONAL)
                .orElseThrow(() -> new InvalidInputException("account.provisional.notWaiting"));
        if (accounts.close(accountId, reason, clock.instant())) {
            log.info("Provisional account {} closed: {}", accountId, reason);
        }
    }

    /**
     * Closes the provisional and temporary accounts of a user who may no longer use the network (the add
     * application was refused, the user withdrew). Their sessions end with their standing anyway; this keeps the
     * accounts' record plain.
     */
    @Transactional
    public void closeAccountsOfStaff(UUID staffId, String reason) {
        Instant now = clock.instant();
        for (Account account : accounts.ofStaff(staffId)) {
            if (accounts.close(account.id(), reason, now)) {
                log.info("Account {} of staff {} closed: {}", account.id(), staffId, reason);
            }
        }
    }

    public boolean exists(String username) {
        return accounts.existsByUsername(username);
    }

    public long countOperators() {
        return accounts.countByType(AccountType.OPERATOR);
    }

    /** 14 characters: a letter, letters and digits, a symbol and a digit — within {@link PasswordPolicy}. */
    String randomPassword() {
        var b = new StringBuilder();
        b.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        for (int i = 0; i < 11; i++) {
            b.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        b.append(PASSWORD_SYMBOLS.charAt(random.nextInt(PASSWORD_SYMBOLS.length())));
        b.append(random.nextInt(10));
        return b.toString();
    }

    private void checkUsername(String username) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{2,39}")) {
            throw new InvalidInputException("account.username.invalid");
        }
        if (accounts.existsByUsername(username)) {
            throw new InvalidInputException("account.username.taken", username);
        }
    }

    private static void checkPassword(String password) {
        PasswordPolicy.problem(password).ifPresent(problem -> {
            throw new InvalidInputException(problem);
        });
    }
}

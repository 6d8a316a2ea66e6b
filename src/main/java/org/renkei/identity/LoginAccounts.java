package org.renkei.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import org.renkei.platform.web.InvalidInputException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates password accounts for the operator's staff and for facility administrators. */
@Service
public class LoginAccounts {

    private static final String PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
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

    /** An account for a facility's administrator. Returns the initial password, to be handed over once. */
    @Transactional
    public String createFacilityAdministrator(String username, String displayName, UUID facilityId) {
        String password = randomPassword();
        create(username, displayName, password, Actor.AccountKind.FACILITY_ADMINISTRATOR, facilityId);
        return password;
    }

    /** An account with a chosen password (first operator account, demo data). */
    @Transactional
    public UUID create(String username, String displayName, String password, Actor.AccountKind kind,
            UUID facilityId) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{2,39}")) {
            throw new InvalidInputException("account.username.invalid");
        }
        if (accounts.existsByUsername(username)) {
            throw new InvalidInputException("account.username.taken", username);
        }
        if (kind == Actor.AccountKind.FACILITY_ADMINISTRATOR && facilityId == null) {
            throw new InvalidInputException("account.facility.required");
        }
        UUID id = UUID.randomUUID();
        accounts.insert(new Account(id, username, displayName, encoder.encode(password), kind, facilityId, true,
                clock.instant()));
        return id;
    }

    public boolean exists(String username) {
        return accounts.existsByUsername(username);
    }

    public long countOperators() {
        return accounts.countByKind(Actor.AccountKind.OPERATOR);
    }

    String randomPassword() {
        var b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            b.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        b.append(PASSWORD_SYMBOLS.charAt(random.nextInt(PASSWORD_SYMBOLS.length())));
        b.append(random.nextInt(10));
        return b.toString();
    }
}

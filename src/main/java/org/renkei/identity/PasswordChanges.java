package org.renkei.identity;

import java.time.Clock;
import java.util.UUID;
import org.renkei.platform.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person changes their own password (USR-05): the current one proves it is them (a wrong one counts towards
 * the lock), the new one follows {@link PasswordPolicy} and is none of the last {@code
 * renkei.login.password-history} passwords. Every rule is checked before anything is written.
 */
@Service
class PasswordChanges {

    private static final Logger log = LoggerFactory.getLogger(PasswordChanges.class);

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final LoginAttempts attempts;
    private final LoginSettings settings;
    private final Clock clock;

    PasswordChanges(Accounts accounts, PasswordEncoder encoder, LoginAttempts attempts, LoginSettings settings,
            Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.attempts = attempts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Refused with an {@link InvalidInputException} naming the rule broken; the wrong-password count stays. */
    @Transactional(noRollbackFor = InvalidInputException.class)
    public void change(UUID accountId, String current, String next, String confirmation) {
        Account account = accounts.lock(accountId).orElseThrow();
        if (current == null || !encoder.matches(current, account.passwordHash())) {
            attempts.failed(accountId);
            throw new InvalidInputException("password.current.wrong");
        }
        PasswordPolicy.problem(next).ifPresent(problem -> {
            throw new InvalidInputException(problem);
        });
        if (!next.equals(confirmation)) {
            throw new InvalidInputException("password.confirmation.mismatch");
        }
        for (String used : accounts.recentPasswordHashes(accountId, settings.passwordHistory())) {
            if (encoder.matches(next, used)) {
                throw new InvalidInputException("password.reused", settings.passwordHistory());
            }
        }
        accounts.setPassword(accountId, encoder.encode(next), false, clock.instant());
        log.info("Password changed for account {}", accountId);
    }
}

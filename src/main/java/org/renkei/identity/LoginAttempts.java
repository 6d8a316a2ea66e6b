package org.renkei.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.renkei.platform.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts wrong passwords and second-factor codes and locks the account after {@code renkei.login.max-failed-attempts}
 * of them in a row, for {@code renkei.login.lockout-duration} (ACC-01). A locked account is refused before its
 * password is even looked at, so a lock never tells whether a password was right. A login that passes every step
 * clears the count and is recorded as the last login; the support centre may lift a lock early.
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final Accounts accounts;
    private final LoginSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LoginAttempts(Accounts accounts, LoginSettings settings, Clock clock, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    /** A wrong password, in the login form or over HTTP Basic. */
    @EventListener
    @Transactional
    public void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        accounts.findByUsername(event.getAuthentication().getName()).ifPresent(account -> count(account.id()));
    }

    /** A password login that needs no further step (no second factor, no password change) is complete. */
    @EventListener
    @Transactional
    public void passwordLogin(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountDetails details
                && LoginSteps.pendingStep(event.getAuthentication()).isEmpty()) {
            accounts.recordLogin(details.actor().accountId(), clock.instant());
            events.publishEvent(LoginEvent.succeeded(details.actor(), "password"));
        }
    }

    /** A password login refused: wrong password, locked, disabled or refused by standing (for the audit trail). */
    @EventListener
    public void passwordRefused(AbstractAuthenticationFailureEvent event) {
        events.publishEvent(LoginEvent.failed(event.getAuthentication().getName(), "password",
                event.getException().getClass().getSimpleName()));
    }

    /** A logout (for the audit trail). */
    @EventListener
    public void loggedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof ActorPrincipal p) {
            Actor actor = p.actor();
            events.publishEvent(new LoginEvent(LoginEvent.Outcome.LOGGED_OUT, actor, actor.username(), null, null));
        }
    }

    /** Counts one wrong password or code; true when the account is locked now. */
    @Transactional
    public boolean failed(UUID accountId) {
        events.publishEvent(LoginEvent.failed(accounts.find(accountId).map(Account::username).orElse(null),
                "second-factor", "wrong-code"));
        return count(accountId);
    }

    /** Every step of a login passed: the count starts again and the login is recorded. */
    @Transactional
    public void succeeded(Actor actor) {
        accounts.recordLogin(actor.accountId(), clock.instant());
        events.publishEvent(LoginEvent.succeeded(actor, "password"));
    }

    /** The support centre lifts a lock. */
    @Transactional
    public void unlock(UUID accountId, Actor operator) {
        events.publishEvent(new AdministrativeAct(operator, "lock lifted", "Account", String.valueOf(accountId)));
        if (operator == null || !operator.isOperator()) {
            throw new InvalidInputException("account.operatorOnly");
        }
        if (!accounts.unlock(accountId, clock.instant())) {
            throw new InvalidInputException("account.unlock.notLocked");
        }
        log.info("Account {} unlocked by {}", accountId, operator.username());
    }

    private boolean count(UUID accountId) {
        Account account = accounts.lock(accountId).orElse(null);
        if (account == null) {
            return false;
        }
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            return true;
        }
        // a lock that has run out starts a fresh count
        int failed = (account.lockedUntil() != null ? 0 : account.failedAttempts()) + 1;
        Instant lockedUntil = failed >= settings.maxFailedAttempts() ? now.plus(settings.lockoutDuration()) : null;
        accounts.recordFailure(accountId, failed, now, lockedUntil);
        if (lockedUntil != null) {
            log.warn("Account {} locked until {} after {} failed attempts", accountId, lockedUntil, failed);
        }
        return lockedUntil != null;
    }
}

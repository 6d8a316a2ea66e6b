package org.renkei.identity;

import org.springframework.context.ApplicationEventPublisher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.renkei.platform.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of password accounts: a TOTP authenticator (RFC 6238) enrolled by scanning a QR code and
 * confirmed with a first code. A code is taken once only (a replayed code is refused, RFC 6238 §5.2), and wrong
 * codes count towards the lock like wrong passwords (ACC-01). Secrets are stored sealed ({@link TotpSecrets}).
 */
@Service
class SecondFactor {

    private static final Logger log = LoggerFactory.getLogger(SecondFactor.class);

    /** The issuer an authenticator app shows beside the account. */
    static final String ISSUER = "Renkei";

    enum Outcome {
        ACCEPTED, WRONG, REUSED, LOCKED
    }

    /** What enrolment shows: the secret typed by hand (grouped by four), the URI, and its QR code. */
    record Enrolment(String secret, String uri, String qrCode) {
    }

    private final Accounts accounts;
    private final TotpSecrets secrets;
    private final LoginAttempts attempts;
    private final Clock clock;
    private final Totp totp = new Totp();
    private final SecureRandom random = new SecureRandom();

    private final ApplicationEventPublisher events;

    SecondFactor(Accounts accounts, TotpSecrets secrets, LoginAttempts attempts, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.secrets = secrets;
        this.attempts = attempts;
        this.clock = clock;
    }

    /**
     * The secret to enrol, made now with {@link SecureRandom} or the one already shown and not yet confirmed (so a
     * page shown again shows the same QR code).
     */
    @Transactional
    public Enrolment enrolment(UUID accountId) {
        Account account = accounts.lock(accountId).orElseThrow();
        byte[] secret = accounts.totpPendingSecret(accountId)
                .map(sealed -> secrets.open(accountId, sealed))
                .orElseGet(() -> {
                    byte[] fresh = Totp.newSecret(random);
                    accounts.setTotpPendingSecret(accountId, secrets.seal(accountId, fresh));
                    return fresh;
                });
        String uri = Totp.uri(ISSUER, account.username(), secret);
        return new Enrolment(Totp.base32(secret).replaceAll("(.{4})(?!$)", "$1 "), uri, QrCode.pngDataUri(uri));
    }

    /** The first code from the enrolled authenticator confirms the secret shown. */
    @Transactional
    public Outcome confirmEnrolment(UUID accountId, String code) {
        Optional<byte[]> sealed = accounts.totpPendingSecret(accountId);
        if (sealed.isEmpty()) {
            return Outcome.WRONG;
        }
        byte[] secret = secrets.open(accountId, sealed.get());
        OptionalLong step = totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            return failure(accountId, Outcome.WRONG);
        }
        accounts.enrolTotp(accountId, sealed.get(), step.getAsLong(), clock.instant());
        log.info("Second factor enrolled for account {}", accountId);
        return Outcome.ACCEPTED;
    }

    /** A code typed at login. */
    @Transactional
    public Outcome verify(UUID accountId, String code) {
        Optional<byte[]> sealed = accounts.totpSecret(accountId);
        if (sealed.isEmpty()) {
            return Outcome.WRONG;
        }
        OptionalLong step = totp.matchingStep(secrets.open(accountId, sealed.get()), code, clock.instant());
        if (step.isEmpty()) {
            return failure(accountId, Outcome.WRONG);
        }
        if (!accounts.takeTotpStep(accountId, step.getAsLong())) {
            return failure(accountId, Outcome.REUSED);
        }
        return Outcome.ACCEPTED;
    }

    /** Enrols a secret chosen beforehand (the first operator account of a test or demo installation). */
    @Transactional
    public void enrolKnownSecret(UUID accountId, byte[] secret) {
        Instant now = clock.instant();
        accounts.enrolTotp(accountId, secrets.seal(accountId, secret), Totp.stepOf(now) - Totp.WINDOW - 1, now);
    }

    /** The support centre removes a lost authenticator; the next login enrols a new one (when required). */
    @Transactional
    public void reset(UUID accountId, Actor operator) {
        events.publishEvent(new AdministrativeAct(operator, "second factor reset", "Account", String.valueOf(accountId)));
        if (operator == null || !operator.isOperator()) {
            throw new InvalidInputException("account.operatorOnly");
        }
        accounts.lock(accountId).orElseThrow();
        accounts.resetTotp(accountId);
        log.info("Second factor of account {} reset by {}", accountId, operator.username());
    }

    private Outcome failure(UUID accountId, Outcome outcome) {
        return attempts.failed(accountId) ? Outcome.LOCKED : outcome;
    }
}

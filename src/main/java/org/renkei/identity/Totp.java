package org.renkei.identity;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, 30-second steps,
 * 6 digits. A code is accepted for its own step and one step either side, to allow for clocks a little apart.
 * The codes come from java-otp; this class only chooses the parameters and the window.
 */
final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    /** Steps accepted either side of the current one. */
    static final int WINDOW = 1;
    /** 160-bit secrets, the HMAC-SHA1 key length RFC 4226 recommends. */
    static final int SECRET_BYTES = 20;

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS,
            TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /** The step (number of 30-second periods since the epoch) an instant falls in. */
    static long stepOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.getSeconds());
    }

    /** The code of the step the instant falls in. */
    String code(byte[] secret, Instant at) {
        try {
            return generator.generateOneTimePasswordString(new SecretKeySpec(secret, generator.getAlgorithm()), at);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("TOTP secret unusable", e);
        }
    }

    /**
     * The step whose code this is, looking at the current step and {@link #WINDOW} steps either side; empty when
     * it is none of them. Spaces in the typed code are ignored.
     */
    OptionalLong matchingStep(byte[] secret, String typed, Instant now) {
        if (typed == null) {
            return OptionalLong.empty();
        }
        String code = typed.replace(" ", "").replace("\u3000", "");
        if (code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = stepOf(now);
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        OptionalLong match = OptionalLong.empty();
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            byte[] expected = code(secret, Instant.ofEpochSecond(step * STEP.getSeconds()))
                    .getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given) && match.isEmpty()) {
                match = OptionalLong.of(step);
            }
        }
        return match;
    }

    /** The secret as authenticator apps take it typed in: Base32 without padding. */
    static String base32(byte[] secret) {
        return Base32.toBase32String(secret).replace("=", "");
    }

    /** A Base32 secret as written in configuration or by hand: case, spaces and padding do not matter. */
    static byte[] fromBase32(String text) {
        String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        int padded = (clean.length() + 7) / 8 * 8;
        return Base32.decode(clean + "=".repeat(padded - clean.length()));
    }

    /** The {@code otpauth://} URI an authenticator app reads from the QR code (Google Authenticator's format). */
    static String uri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.getSeconds();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 Appendix B: the SHA-1 key is the ASCII string "12345678901234567890". */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private final Totp totp = new Totp();

    @Test
    @DisplayName("USR-05 codes are RFC 6238's (HMAC-SHA1, 30 s), last 6 digits of the appendix B test vectors")
    void rfc6238TestVectors() {
        assertThat(totp.code(RFC_KEY, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(totp.code(RFC_KEY, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(totp.code(RFC_KEY, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
        assertThat(totp.code(RFC_KEY, Instant.ofEpochSecond(20000000000L))).isEqualTo("353130");
    }

    @Test
    @DisplayName("USR-05 a code is accepted for its own step and one step either side, never further away")
    void windowOfOneStep() {
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = Totp.stepOf(now);
        for (int offset = -1; offset <= 1; offset++) {
            String code = totp.code(RFC_KEY, Instant.ofEpochSecond((step + offset) * 30));
            assertThat(totp.matchingStep(RFC_KEY, code, now)).hasValue(step + offset);
        }
        for (int offset : new int[] {-3, -2, 2, 3}) {
            String code = totp.code(RFC_KEY, Instant.ofEpochSecond((step + offset) * 30));
            assertThat(totp.matchingStep(RFC_KEY, code, now)).isEmpty();
        }
        String current = totp.code(RFC_KEY, now);
        assertThat(totp.matchingStep(RFC_KEY, current.substring(0, 3) + " " + current.substring(3), now))
                .hasValue(step);
        assertThat(totp.matchingStep(RFC_KEY, null, now)).isEmpty();
        assertThat(totp.matchingStep(RFC_KEY, "12345", now)).isEmpty();
        assertThat(totp.matchingStep(RFC_KEY, "12345a", now)).isEmpty();
    }

    @Test
    @DisplayName("USR-05 secrets are 160 random bits, written in Base32 and in an otpauth URI for authenticator apps")
    void secretsAndUri() {
        byte[] secret = Totp.newSecret(new SecureRandom());
        assertThat(secret).hasSize(20);
        String base32 = Totp.base32(secret);
        assertThat(base32).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.fromBase32(base32.toLowerCase())).isEqualTo(secret);
        assertThat(Totp.fromBase32(base32.replaceAll("(.{4})", "$1 "))).isEqualTo(secret);
        assertThat(Totp.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(RFC_KEY);

        assertThat(Totp.uri("Renkei", "tmp-abc", secret)).isEqualTo("otpauth://totp/Renkei:tmp-abc?secret=" + base32
                + "&issuer=Renkei&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.uri("Renkei", "a b", secret)).startsWith("otpauth://totp/Renkei:a%20b?");
    }

    @Test
    @DisplayName("USR-05 the enrolment QR code is a PNG data URI")
    void qrCodeIsAPng() throws Exception {
        String uri = QrCode.pngDataUri("otpauth://totp/Renkei:operator?secret=GEZDGNBVGY3TQOJQ&issuer=Renkei");
        assertThat(uri).startsWith("data:image/png;base64,");
        var image = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()))));
        assertThat(image.getWidth()).isEqualTo(240);
        assertThat(image.getHeight()).isEqualTo(240);
    }
}

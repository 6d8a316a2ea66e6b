package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TotpSecretsTest {

    private static final String KEY = "iiI5ZE1/ADNC8CVQDGGNMrBz1mLuZf4rUkxFUwPCaag=";
    private static final String OTHER_KEY = "78O2pyIo4QaJql3hQHD5NyJ+HFxZ0fibRUY4LRc+9I0=";

    private final TotpSecrets secrets = new TotpSecrets(KEY);
    private final byte[] secret = "12345678901234567890".getBytes();

    @Test
    @DisplayName("USR-05 TOTP secrets are stored sealed with AES-GCM and open again with the same key and account")
    void sealsAndOpens() {
        UUID account = UUID.randomUUID();
        byte[] sealed = secrets.seal(account, secret);
        assertThat(sealed).hasSize(1 + 12 + 20 + 16);
        assertThat(indexOf(sealed, secret)).isNegative();
        assertThat(secrets.open(account, sealed)).isEqualTo(secret);
        assertThat(secrets.seal(account, secret)).isNotEqualTo(sealed);
    }

    @Test
    @DisplayName("USR-05 a sealed secret does not open for another account, with another key, or when altered")
    void refusesWhatDoesNotBelong() {
        UUID account = UUID.randomUUID();
        byte[] sealed = secrets.seal(account, secret);
        assertThatThrownBy(() -> secrets.open(UUID.randomUUID(), sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new TotpSecrets(OTHER_KEY).open(account, sealed))
                .isInstanceOf(IllegalStateException.class);
        byte[] altered = sealed.clone();
        altered[20] ^= 1;
        assertThatThrownBy(() -> secrets.open(account, altered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secrets.open(account, Arrays.copyOf(sealed, 10)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("USR-05 the sealing key must be set, Base64, and 128 or 256 bits")
    void checksTheKey() {
        assertThatThrownBy(() -> new TotpSecrets("")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new TotpSecrets("not base64!")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new TotpSecrets("c2hvcnQ=")).isInstanceOf(IllegalStateException.class);
        assertThat(new TotpSecrets("MDEyMzQ1Njc4OWFiY2RlZg==")).isNotNull();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

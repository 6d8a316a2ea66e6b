package org.renkei.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Seals TOTP secrets for storage with AES-GCM (JCA) under the key {@code renkei.login.totp-key}, so that a copy
 * of the database alone does not give anyone the second factor. The account id is bound in as associated data:
 * a sealed secret moved to another account does not open. Stored form: a version byte, the 12-byte nonce, then
 * the ciphertext with its 128-bit tag.
 */
@Component
class TotpSecrets {

    private static final Logger log = LoggerFactory.getLogger(TotpSecrets.class);

    /** The key shipped in application.yml for development: anyone can read it, so production sets its own. */
    static final String PUBLISHED_DEFAULT_KEY = "cmVua2VpLWRldmVsb3BtZW50LXRvdHAta2V5LTAwMDE=";

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    TotpSecrets(LoginSettings settings) {
        this(settings.totpKey());
        if (PUBLISHED_DEFAULT_KEY.equals(settings.totpKey())) {
            log.warn("renkei.login.totp-key is the published development key: set your own in production "
                    + "(see docs/operations.md)");
        }
    }

    TotpSecrets(String base64Key) {
        if (!StringUtils.hasText(base64Key)) {
            throw new IllegalStateException("renkei.login.totp-key is not set");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("renkei.login.totp-key is not Base64", e);
        }
        if (bytes.length != 16 && bytes.length != 32) {
            throw new IllegalStateException("renkei.login.totp-key must be 128 or 256 bits, not " + bytes.length * 8);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    byte[] seal(UUID account, byte[] secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(account));
            byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TOTP secret could not be sealed", e);
        }
    }

    /** The secret; throws when the stored value was altered, belongs to another account or another key. */
    byte[] open(UUID account, byte[] stored) {
        if (stored == null || stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new IllegalStateException("stored TOTP secret unreadable");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(stored, 1, 1 + NONCE_BYTES)));
            cipher.updateAAD(associatedData(account));
            return cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored TOTP secret does not open with this key for this account", e);
        }
    }

    private static byte[] associatedData(UUID account) {
        return ByteBuffer.allocate(16).putLong(account.getMostSignificantBits())
                .putLong(account.getLeastSignificantBits()).array();
    }
}

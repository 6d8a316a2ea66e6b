package org.renkei.identity;

import java.io.IOException;
import java.security.PrivateKey;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * The CA's private key at rest: PKCS#8 {@code EncryptedPrivateKeyInfo}, PBES2 with PBKDF2-HMAC-SHA256 and
 * AES-256-CBC, under the passphrase from the configuration. The database never holds the key in the clear.
 */
final class CaKeyProtection {

    /** PBKDF2 iterations: the key is opened once per start, so this may be slow for a guesser. */
    static final int ITERATIONS = 600_000;

    private CaKeyProtection() {
    }

    static byte[] encrypt(PrivateKey key, char[] passphrase) {
        requirePassphrase(passphrase);
        try {
            var encryptor = new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                    .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                    .setIterationCount(ITERATIONS)
                    .setProvider(Pki.BC)
                    .build(passphrase);
            return new JcaPKCS8EncryptedPrivateKeyInfoBuilder(key).build(encryptor).getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("the CA key could not be encrypted", e);
        }
    }

    /** The key; fails with a message naming the setting when the passphrase does not open it. */
    static PrivateKey decrypt(byte[] encrypted, char[] passphrase) {
        requirePassphrase(passphrase);
        try {
            var info = new PKCS8EncryptedPrivateKeyInfo(encrypted);
            var decryptor = new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(Pki.BC).build(passphrase);
            return new JcaPEMKeyConverter().setProvider(Pki.BC).getPrivateKey(info.decryptPrivateKeyInfo(decryptor));
        } catch (PKCSException | IOException | RuntimeException e) {
            throw new IllegalStateException("The network CA's private key could not be opened: "
                    + "renkei.ca.key-passphrase is not the passphrase it was stored with", e);
        }
    }

    private static void requirePassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length < 12) {
            throw new IllegalStateException("renkei.ca.key-passphrase must be set (at least 12 characters)");
        }
    }
}

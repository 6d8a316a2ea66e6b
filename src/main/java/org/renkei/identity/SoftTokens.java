package org.renkei.identity;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * A soft token for testing: the card's key and certificate (with the CA's) in a PKCS#12 file that browsers and
 * the JDK open — PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) for key and certificates, an HMAC-SHA256 integrity MAC.
 */
final class SoftTokens {

    private static final int ITERATIONS = 100_000;
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SoftTokens() {
    }

    /** A random password of 16 letters and digits (no look-alikes), to be shown once. */
    static char[] newPassword() {
        char[] password = new char[16];
        for (int i = 0; i < password.length; i++) {
            password[i] = PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length()));
        }
        return password;
    }

    static byte[] pkcs12(PrivateKey key, X509Certificate certificate, X509Certificate caCertificate,
            String friendlyName, char[] password) {
        if (password == null || password.length < 8) {
            throw new org.renkei.platform.web.InvalidInputException("ca.softToken.password");
        }
        try {
            SubjectKeyIdentifier keyId = new JcaX509ExtensionUtils().createSubjectKeyIdentifier(
                    certificate.getPublicKey());
            var name = new DERBMPString(friendlyName);

            var certificateBag = new JcaPKCS12SafeBagBuilder(certificate);
            certificateBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, name);
            certificateBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
            var caBag = new JcaPKCS12SafeBagBuilder(caCertificate);
            caBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName,
                    new DERBMPString(NetworkCaCertificates.CA_COMMON_NAME));
            var keyBag = new JcaPKCS12SafeBagBuilder(key, encryptor(password));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, name);
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);

            var pfx = new PKCS12PfxPduBuilder()
                    .addEncryptedData(encryptor(password), new PKCS12SafeBag[] {certificateBag.build(), caBag.build()})
                    .addData(keyBag.build());
            return pfx.build(new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
                            .setIterationCount(ITERATIONS).setProvider(Pki.BC), password)
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException | PKCSException | OperatorCreationException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the soft token could not be built", e);
        }
    }

    private static OutputEncryptor encryptor(char[] password) throws OperatorCreationException {
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                .setIterationCount(ITERATIONS)
                .setProvider(Pki.BC)
                .build(password);
    }
}

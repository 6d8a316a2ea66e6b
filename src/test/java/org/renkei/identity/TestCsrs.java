package org.renkei.identity;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Certificate signing requests as a card would make them — and broken ones. */
final class TestCsrs {

    private TestCsrs() {
    }

    static KeyPair ec() {
        return NetworkCaCertificates.newKeyPair();
    }

    static KeyPair rsa(int bits) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ecOn(String curve) {
        try {
            var generator = KeyPairGenerator.getInstance("EC", Pki.BC);
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PEM request for the key pair, signed by its own private key. */
    static String pem(KeyPair keys) {
        return pem(keys.getPublic(), keys.getPrivate(), algorithmFor(keys.getPrivate(), "SHA256"));
    }

    /** A PEM request carrying one key but signed with another: its signature cannot verify. */
    static String signedByAnother(KeyPair carried, KeyPair signer) {
        return pem(carried.getPublic(), signer.getPrivate(), algorithmFor(signer.getPrivate(), "SHA256"));
    }

    static String pem(PublicKey key, PrivateKey signer, String algorithm) {
        try {
            var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=card"), key)
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(Pki.BC).build(signer));
            return Pki.pem(request);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String algorithmFor(PrivateKey key, String digest) {
        return digest + ("EC".equals(key.getAlgorithm()) || "ECDSA".equals(key.getAlgorithm()) ? "withECDSA"
                : "withRSA");
    }
}

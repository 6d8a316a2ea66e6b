package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.platform.web.InvalidInputException;

/** The CA's signing work without Spring or a database: certificates, CSRs, soft tokens, CRLs, key at rest. */
class NetworkCaCertificatesTest {

    private static final String CRL_URL = "https://renkei.example.jp/public/ca/crl";
    private static final CaMaterial CA = newCa();

    private static CaMaterial newCa() {
        KeyPair keys = NetworkCaCertificates.newKeyPair();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate certificate = NetworkCaCertificates.selfSigned(keys,
                NetworkCaCertificates.caName("テスト運営協議会"), now, now.plus(3650, ChronoUnit.DAYS));
        return new CaMaterial(UUID.randomUUID(), certificate, keys.getPrivate(),
                CardCertificates.subjectOf(certificate));
    }

    private static X509Certificate card(UUID staffId, KeyPair keys) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return NetworkCaCertificates.card(CA, new CardSubject(staffId, "看護 花子", "熊本テスト病院"),
                keys.getPublic(), now, now.plus(1095, ChronoUnit.DAYS), CRL_URL);
    }

    @Test
    @DisplayName("USR-02 the network CA is a CA for end users only: CA:true, path length 0, keyCertSign and cRLSign")
    void caCertificate() throws Exception {
        X509Certificate ca = CA.certificate();
        assertThat(ca.getBasicConstraints()).isZero();
        assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        boolean[] usage = ca.getKeyUsage();
        assertThat(usage[5]).as("keyCertSign").isTrue();
        assertThat(usage[6]).as("cRLSign").isTrue();
        assertThat(usage[0]).as("digitalSignature").isFalse();
        assertThat(ca.getSubjectX500Principal().getName(X500Principal.RFC2253))
                .contains("CN=Renkei Network User Card CA").contains("C=JP");
        ca.verify(ca.getPublicKey());
    }

    @Test
    @DisplayName("USR-02 a user card authenticates only (digitalSignature, clientAuth, no nonRepudiation), names the user and chains to the CA")
    void cardAuthenticatesOnly() throws Exception {
        UUID staffId = UUID.randomUUID();
        X509Certificate card = card(staffId, TestCsrs.ec());

        boolean[] usage = card.getKeyUsage();
        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[1]).as("nonRepudiation").isFalse();
        for (int i = 2; i < usage.length; i++) {
            assertThat(usage[i]).isFalse();
        }
        assertThat(card.getCriticalExtensionOIDs()).contains("2.5.29.15");
        assertThat(card.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(card.getBasicConstraints()).isEqualTo(-1);
        assertThat(card.getSubjectAlternativeNames())
                .containsExactly(List.of(6, "urn:renkei:staff:" + staffId));
        assertThat(card.getSerialNumber().signum()).isPositive();
        assertThat(card.getSerialNumber().bitLength()).isLessThanOrEqualTo(128);

        String subject = card.getSubjectX500Principal().getName(X500Principal.RFC2253);
        assertThat(subject).startsWith("CN=看護 花子").contains("2.5.4.5=#").contains("O=熊本テスト病院").endsWith("C=JP");
        assertThat(CardCertificates.subjectOf(card)).contains("SERIALNUMBER=" + staffId);

        validate(card, null);
    }

    @Test
    @DisplayName("USR-02 a user card names the CRL distribution point where the CA publishes its revocations")
    void crlDistributionPoint() {
        X509Certificate card = card(UUID.randomUUID(), TestCsrs.ec());
        assertThat(new String(card.getExtensionValue("2.5.29.31"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains(CRL_URL);
    }

    @Test
    @DisplayName("USR-02 a CSR is accepted with a verified signature and a strong key; its signer's key becomes the card's")
    void goodCsr() {
        KeyPair ec = TestCsrs.ec();
        assertThat(CardCsr.publicKeyOf(TestCsrs.pem(ec))).isEqualTo(ec.getPublic());
        KeyPair rsa = TestCsrs.rsa(2048);
        assertThat(CardCsr.publicKeyOf(TestCsrs.pem(rsa).getBytes())).isEqualTo(rsa.getPublic());
    }

    @Test
    @DisplayName("USR-02 a CSR whose signature does not verify, with a weak key or weak hash, or unreadable, is refused with its reason")
    void badCsrs() {
        assertThatThrownBy(() -> CardCsr.publicKeyOf(TestCsrs.signedByAnother(TestCsrs.ec(), TestCsrs.ec())))
                .isInstanceOf(InvalidInputException.class).hasMessage("ca.csr.badSignature");
        assertThatThrownBy(() -> CardCsr.publicKeyOf(TestCsrs.pem(TestCsrs.rsa(1024))))
                .isInstanceOf(InvalidInputException.class).hasMessage("ca.csr.weakKey");
        assertThatThrownBy(() -> CardCsr.publicKeyOf(TestCsrs.pem(TestCsrs.ecOn("secp256k1"))))
                .isInstanceOf(InvalidInputException.class).hasMessage("ca.csr.weakKey");
        KeyPair rsa = TestCsrs.rsa(2048);
        assertThatThrownBy(() -> CardCsr.publicKeyOf(TestCsrs.pem(rsa.getPublic(), rsa.getPrivate(), "SHA1withRSA")))
                .isInstanceOf(InvalidInputException.class).hasMessage("ca.csr.weakSignature");
        assertThatThrownBy(() -> CardCsr.publicKeyOf("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n"
                + "-----END CERTIFICATE REQUEST-----"))
                .isInstanceOf(InvalidInputException.class).hasMessage("ca.csr.unreadable");
        assertThatThrownBy(() -> CardCsr.publicKeyOf(Pki.pem(CA.certificate())))
                .isInstanceOf(InvalidInputException.class).hasMessage("ca.csr.unreadable");
        assertThatThrownBy(() -> CardCsr.publicKeyOf(" ")).hasMessage("ca.csr.missing");
        assertThatThrownBy(() -> CardCsr.publicKeyOf(new byte[] {1, 2, 3})).hasMessage("ca.csr.unreadable");
    }

    @Test
    @DisplayName("USR-02 a soft token opens in the JDK's PKCS#12 key store with its password, and its key matches the card")
    void softToken() throws Exception {
        KeyPair keys = TestCsrs.ec();
        X509Certificate card = card(UUID.randomUUID(), keys);
        char[] password = SoftTokens.newPassword();
        byte[] p12 = SoftTokens.pkcs12(keys.getPrivate(), card, CA.certificate(), "看護 花子", password);

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(p12), password);
        String alias = store.aliases().nextElement();
        var key = (PrivateKey) store.getKey(alias, password);
        assertThat(store.getCertificate(alias)).isEqualTo(card);
        assertThat(store.getCertificateChain(alias)).containsExactly(card, CA.certificate());

        var signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(key);
        signature.update(new byte[] {1, 2, 3});
        byte[] signed = signature.sign();
        signature.initVerify(card.getPublicKey());
        signature.update(new byte[] {1, 2, 3});
        assertThat(signature.verify(signed)).isTrue();

        assertThatThrownBy(() -> KeyStore.getInstance("PKCS12")
                .load(new ByteArrayInputStream(p12), "wrong-password".toCharArray()))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    @DisplayName("USR-07 the CRL lists revoked serials with their reasons and number, verifies with the CA key, and fails PKIX validation of a revoked card")
    void crl() throws Exception {
        X509Certificate revoked = card(UUID.randomUUID(), TestCsrs.ec());
        X509Certificate superseded = card(UUID.randomUUID(), TestCsrs.ec());
        X509Certificate good = card(UUID.randomUUID(), TestCsrs.ec());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509CRL crl = NetworkCaCertificates.crl(CA, 7, now, now.plus(1, ChronoUnit.DAYS), List.of(
                new NetworkCaCertificates.Revoked(revoked.getSerialNumber(), now, CRLReason.keyCompromise),
                new NetworkCaCertificates.Revoked(superseded.getSerialNumber(), now, CRLReason.superseded)));

        crl.verify(CA.certificate().getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(CA.certificate().getSubjectX500Principal());
        assertThat(Pki.crlNumber(crl)).isEqualTo(7);
        assertThat(crl.getNextUpdate()).isAfter(crl.getThisUpdate());
        assertThat(crl.isRevoked(revoked)).isTrue();
        assertThat(crl.isRevoked(good)).isFalse();
        assertThat(crl.getRevokedCertificate(revoked).getRevocationReason())
                .isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
        assertThat(crl.getRevokedCertificate(superseded).getRevocationReason())
                .isEqualTo(java.security.cert.CRLReason.SUPERSEDED);

        validate(good, crl);
        assertThatThrownBy(() -> validate(revoked, crl))
                .isInstanceOfSatisfying(CertPathValidatorException.class,
                        e -> assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
    }

    @Test
    @DisplayName("USR-02 the CA key is stored encrypted: it opens with the passphrase and not without it")
    void keyAtRest() {
        char[] passphrase = "a-long-test-passphrase".toCharArray();
        byte[] encrypted = CaKeyProtection.encrypt(CA.privateKey(), passphrase);
        assertThat(new String(encrypted, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(CA.privateKey().getEncoded(), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(CaKeyProtection.decrypt(encrypted, passphrase).getEncoded()).isEqualTo(CA.privateKey().getEncoded());
        assertThatThrownBy(() -> CaKeyProtection.decrypt(encrypted, "another-passphrase!".toCharArray()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("renkei.ca.key-passphrase");
        assertThatThrownBy(() -> CaKeyProtection.encrypt(CA.privateKey(), new char[0]))
                .hasMessageContaining("renkei.ca.key-passphrase");
    }

    /** JDK PKIX validation against the CA as the only trust anchor; with revocation checking when a CRL is given. */
    static void validate(X509Certificate card, X509CRL crl) throws Exception {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(card));
        var parameters = new PKIXParameters(Set.of(new TrustAnchor(CA.certificate(), null)));
        parameters.setRevocationEnabled(crl != null);
        if (crl != null) {
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(crl))));
        }
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }
}

package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@RenkeiTest
class NetworkCardAuthorityTests {

    @Autowired NetworkCardAuthority authority;
    @Autowired NetworkCa ca;
    @Autowired NetworkCrls crls;
    @Autowired NetworkCaStore store;
    @Autowired NetworkCaProperties properties;
    @Autowired List<CardIssuer> issuers;
    @Autowired CardCertificates certificates;
    @Autowired StaffRegistry staffRegistry;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired java.time.Clock clock;

    TestStaff staff;

    @BeforeEach
    void setUp() {
        staff = new TestStaff(facilities, filings, staffRegistry);
    }

    @Test
    @DisplayName("USR-02 a certificate issued from a card's CSR authenticates only, names the user and facility, is registered to the user and passes PKIX validation")
    void issueFromCsr() throws Exception {
        FacilityId hospital = staff.hospital("証明書発行テスト病院");
        StaffId nurse = staff.active(hospital, "看護", Profession.NURSE);
        KeyPair card = TestCsrs.rsa(2048);

        X509Certificate certificate = authority.issueFromCsr(nurse.value(), TestCsrs.pem(card), "運営事務局 (operator)");

        assertThat(certificate.getPublicKey()).isEqualTo(card.getPublic());
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(authority.caCertificate().getSubjectX500Principal());
        assertThat(certificate.getKeyUsage()[0]).isTrue();
        assertThat(certificate.getKeyUsage()[1]).isFalse();
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getSubjectX500Principal().getName(X500Principal.RFC1779))
                .contains("CN=看護 花子").contains("O=証明書発行テスト病院").contains("C=JP");
        assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(6, "urn:renkei:staff:" + nurse));
        assertThat(new String(certificate.getExtensionValue("2.5.29.31"), StandardCharsets.ISO_8859_1))
                .contains("https://localhost:8443/public/ca/crl");
        assertThat(authority.crlUrl()).isEqualTo("https://localhost:8443/public/ca/crl");
        assertThat(certificate.getNotAfter().toInstant())
                .as("valid three years").isAfter(clock.instant().plus(1094, java.time.temporal.ChronoUnit.DAYS));

        CardCertificate registered = certificates.findByFingerprint(CardCertificates.fingerprintOf(certificate))
                .orElseThrow();
        assertThat(registered.staffId()).isEqualTo(nurse.value());
        assertThat(registered.kind()).isEqualTo(AuthLevel.USER_PKI_CARD);
        assertThat(registered.registeredBy()).isEqualTo("運営事務局 (operator)");

        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
        var parameters = new PKIXParameters(Set.of(new TrustAnchor(authority.caCertificate(), null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    @Test
    @DisplayName("USR-02 a CSR whose signature does not verify is refused and nothing is registered")
    void badSignatureRefused() {
        StaffId clerk = staff.active(staff.hospital("署名不正テスト病院"), "事務", Profession.CLERK);
        String csr = TestCsrs.signedByAnother(TestCsrs.ec(), TestCsrs.ec());
        assertThatThrownBy(() -> authority.issueFromCsr(clerk.value(), csr, "operator"))
                .isInstanceOf(InvalidInputException.class).hasMessage("ca.csr.badSignature");
        assertThat(certificates.ofStaff(clerk.value())).isEmpty();
    }

    @Test
    @DisplayName("USR-02 doctors and pharmacists get no network card (they use HPKI), nor does a suspended user; nothing is registered")
    void onlyEligibleUsers() {
        FacilityId hospital = staff.hospital("資格確認テスト病院");
        StaffId doctor = staff.active(hospital, "医師", Profession.DOCTOR);
        StaffId pharmacist = staff.active(hospital, "薬剤", Profession.PHARMACIST);
        StaffId suspended = staff.active(hospital, "停止", Profession.CARE_MANAGER);
        staffRegistry.suspend(suspended, "確認中", org.renkei.TestRegion.OPERATOR);
        String csr = TestCsrs.pem(TestCsrs.ec());

        assertThatThrownBy(() -> authority.issueFromCsr(doctor.value(), csr, "operator"))
                .isInstanceOf(InvalidInputException.class).hasMessage("ca.hpkiProfession");
        assertThatThrownBy(() -> authority.issueSoftToken(pharmacist.value(), "password-1".toCharArray(), "operator"))
                .isInstanceOf(InvalidInputException.class).hasMessage("ca.hpkiProfession");
        assertThatThrownBy(() -> authority.issueFromCsr(suspended.value(), csr, "operator"))
                .isInstanceOf(InvalidInputException.class).hasMessage("ca.notActive");
        assertThat(certificates.ofStaff(doctor.value())).isEmpty();
        assertThat(certificates.ofStaff(pharmacist.value())).isEmpty();
        assertThat(certificates.ofStaff(suspended.value())).isEmpty();
    }

    @Test
    @DisplayName("USR-02 a soft token opens with its password and holds the user's card certificate and the CA")
    void softToken() throws Exception {
        StaffId dentist = staff.active(staff.hospital("ソフトトークン病院"), "歯科", Profession.DENTIST);
        char[] password = "Soft-token-pass-1".toCharArray();

        byte[] p12 = authority.issueSoftToken(dentist.value(), password, "demo");

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(p12), password);
        String alias = store.aliases().nextElement();
        assertThat(store.isKeyEntry(alias)).isTrue();
        var certificate = (X509Certificate) store.getCertificate(alias);
        assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(6, "urn:renkei:staff:" + dentist));
        assertThat(store.getCertificateChain(alias)[1]).isEqualTo(authority.caCertificate());
        assertThat(certificates.ofStaff(dentist.value())).singleElement()
                .satisfies(c -> assertThat(c.serialNumber()).isEqualTo(certificate.getSerialNumber().toString(16)));
    }

    @Test
    @DisplayName("USR-07 a revoked card's serial is on the CRL published at /public/ca/crl without login, with its reason, and the CRL verifies with the CA's key")
    void revocationPublished() throws Exception {
        StaffId nurse = staff.active(staff.hospital("失効公開テスト病院"), "失効", Profession.NURSE);
        X509Certificate lost = authority.issueFromCsr(nurse.value(), TestCsrs.pem(TestCsrs.ec()), "operator");
        X509Certificate kept = authority.issueFromCsr(nurse.value(), TestCsrs.pem(TestCsrs.ec()), "operator");
        BigInteger before = Pki.crlNumber(fetchCrl());
        CardCertificate card = certificates.findByFingerprint(CardCertificates.fingerprintOf(lost)).orElseThrow();

        assertThat(authority.revoke(card.id(), CardRevocationReason.KEY_COMPROMISE, "運営事務局 (operator)")).isTrue();
        assertThat(authority.revoke(card.id(), CardRevocationReason.KEY_COMPROMISE, "operator")).isFalse();

        X509CRL crl = fetchCrl();
        crl.verify(authority.caCertificate().getPublicKey());
        assertThat(Pki.crlNumber(crl)).isGreaterThan(before);
        assertThat(crl.isRevoked(lost)).isTrue();
        assertThat(crl.isRevoked(kept)).isFalse();
        assertThat(crl.getRevokedCertificate(lost).getRevocationReason())
                .isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
        assertThat(crl.getNextUpdate().toInstant()).isAfter(crl.getThisUpdate().toInstant());
        assertThat(authority.revokedBy(card.id())).isEqualTo("運営事務局 (operator)");

        NetworkCardIssuer issuer = issuers.stream().filter(NetworkCardIssuer.class::isInstance)
                .map(NetworkCardIssuer.class::cast).findFirst().orElseThrow();
        assertThat(issuer.kind()).isEqualTo(AuthLevel.USER_PKI_CARD);
        assertThat(issuer.trustAnchors()).containsExactly(authority.caCertificate());
        assertThat(issuer.currentCrl(authority.caCertificate())).hasValueSatisfying(c -> assertThat(c.isRevoked(lost)).isTrue());
        assertThat(issuer.currentCrl(lost)).isEmpty();
    }

    @Test
    @DisplayName("USR-07 when a user withdraws, their network cards are revoked (cessation of operation) and the CRL lists them")
    void withdrawalRevokes() throws Exception {
        StaffId nurse = staff.active(staff.hospital("退職テスト病院"), "退職", Profession.NURSE);
        X509Certificate card = authority.issueFromCsr(nurse.value(), TestCsrs.pem(TestCsrs.ec()), "operator");

        staff.withdraw(nurse);

        assertThat(certificates.ofStaff(nurse.value())).singleElement().satisfies(c -> {
            assertThat(c.revoked()).isTrue();
            assertThat(c.revocationReason()).isEqualTo("cessationOfOperation");
        });
        X509CRL crl = fetchCrl();
        assertThat(crl.getRevokedCertificate(card).getRevocationReason())
                .isEqualTo(java.security.cert.CRLReason.CESSATION_OF_OPERATION);
    }

    @Test
    @DisplayName("USR-02 the CA is created once: initialising again, or on another node, loads the same CA and key")
    void createdOnce() {
        X509Certificate first = ca.certificate();
        CaMaterial again = ca.initialise();
        CaMaterial otherNode = new NetworkCa(store, properties, transactions, clock).initialise();

        assertThat(again.certificate()).isEqualTo(first);
        assertThat(otherNode.certificate()).isEqualTo(first);
        assertThat(otherNode.privateKey().getEncoded()).isEqualTo(ca.current().privateKey().getEncoded());
        assertThat(jdbc.sql("select count(*) from network_ca").query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from network_ca where private_key is not null").query(Long.class).single())
                .isOne();
    }

    @Test
    @DisplayName("USR-07 the CRL is renewed once half its interval has passed, not before, and numbered on")
    void crlRenewedOnTime() throws Exception {
        X509CRL latest = crls.publish();
        assertThat(crls.refreshIfDue()).isEmpty();
        var halfADayLater = new NetworkCrls(ca, store, certificates, properties, transactions,
                java.time.Clock.offset(clock, properties.crlInterval().dividedBy(2).plusMinutes(1)));
        try {
            X509CRL renewed = halfADayLater.refreshIfDue().orElseThrow();
            assertThat(Pki.crlNumber(renewed)).isEqualTo(Pki.crlNumber(latest).add(BigInteger.ONE));
            assertThat(renewed.getThisUpdate()).isAfter(latest.getThisUpdate());
        } finally {
            crls.publish(); // the newest list is dated now again for the tests that follow
        }
    }

    @Test
    @DisplayName("USR-02 the CA certificate is published without login as DER and as PEM")
    void caCertificatePublished() throws Exception {
        byte[] der = mvc.perform(get("/public/ca/certificate"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pkix-cert"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Pki.certificate(der)).isEqualTo(authority.caCertificate());
        String pem = mvc.perform(get("/public/ca/certificate").param("format", "pem"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Pki.certificate(pem.getBytes(StandardCharsets.US_ASCII))).isEqualTo(authority.caCertificate());
    }

    private X509CRL fetchCrl() throws Exception {
        byte[] der = mvc.perform(get("/public/ca/crl"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pkix-crl"))
                .andReturn().getResponse().getContentAsByteArray();
        return Pki.crl(der);
    }
}

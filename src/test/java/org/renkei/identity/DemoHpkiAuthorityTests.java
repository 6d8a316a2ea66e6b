package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestHttps;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@RenkeiTest
class DemoHpkiAuthorityTests {

    private static final char[] PASSWORD = "Renkei-demo-2026!".toCharArray();

    @LocalServerPort int port;
    @Autowired DemoHpkiAuthority authority;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired StaffRegistry registry;
    @Autowired CardCertificates cards;

    TestStaff staff;

    @BeforeEach
    void setUp() {
        staff = new TestStaff(facilities, filings, registry);
    }

    private static KeyStore open(byte[] pkcs12) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(pkcs12), PASSWORD);
        return store;
    }

    @Test
    @DisplayName("USR-02 the demo HPKI CA issues a demo doctor an HPKI-shaped soft token, registered to them")
    void softToken() throws Exception {
        UUID doctor = staff.active(Profession.DOCTOR, "デモ");

        KeyStore token = open(authority.issueSoftToken(doctor, PASSWORD));

        String alias = token.aliases().nextElement();
        var card = (X509Certificate) token.getCertificate(alias);
        assertThat(token.getKey(alias, PASSWORD)).isNotNull();
        assertThat(token.getCertificateChain(alias)).hasSize(2);
        assertThat(CardCertificates.issuerOf(card)).contains("CN=Renkei DEMO HPKI Test CA — not for real use");
        assertThat(CardCertificates.subjectOf(card)).contains("CN=デモ 一郎");
        assertThat(Hpki.roles(card)).containsExactly("Medical Doctor");
        assertThat(Hpki.policies(card)).containsExactly(Hpki.SIGNING_POLICY.getId());
        assertThat(card.getKeyUsage()[0]).isTrue();
        assertThat(card.getCriticalExtensionOIDs()).contains("2.5.29.15", "2.5.29.32");

        CardCertificate registration = cards.findByFingerprint(CardCertificates.fingerprintOf(card)).orElseThrow();
        assertThat(registration.staffId()).isEqualTo(doctor);
        assertThat(registration.kind()).isEqualTo(AuthLevel.HPKI_CARD);
        assertThat(registration.signing()).isFalse();
        assertThat(registration.registeredBy()).isEqualTo("demo-hpki-ca");

        UUID pharmacist = staff.active(Profession.PHARMACIST, "デモ薬");
        var pharmacistCard = (X509Certificate) open(authority.issueSoftToken(pharmacist, PASSWORD))
                .getCertificate("hpki-card");
        assertThat(Hpki.roles(pharmacistCard)).containsExactly("Pharmacist");
    }

    @Test
    @DisplayName("USR-02 the demo HPKI CA refuses users who log in with the network's card, and unknown users")
    void onlyDoctorsAndPharmacists() {
        UUID nurse = staff.active(Profession.NURSE, "デモ看");
        assertThatThrownBy(() -> authority.issueSoftToken(nurse, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> authority.issueSoftToken(UUID.randomUUID(), PASSWORD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("USR-02 USR-07 a demo token logs in over TLS as HPKI_CARD; once revoked it is on the demo CA's own CRL")
    void loginAndRevocation() throws Exception {
        UUID doctor = staff.active(Profession.DOCTOR, "デモ失効");
        KeyStore token = open(authority.issueSoftToken(doctor, PASSWORD));
        var http = TestHttps.template(port, token, PASSWORD);
        assertThat(http.getForEntity("/fhir/Organization", String.class).getStatusCode().value()).isEqualTo(200);

        var card = (X509Certificate) token.getCertificate("hpki-card");
        CardCertificate registration = cards.findByFingerprint(CardCertificates.fingerprintOf(card)).orElseThrow();
        cards.revoke(registration.id(), "lost", Instant.now());

        var crl = authority.currentCrl(authority.certificate()).orElseThrow();
        crl.verify(authority.certificate().getPublicKey());
        assertThat(crl.getRevokedCertificate(card.getSerialNumber())).isNotNull();
        assertThat(authority.currentCrl(card)).isEmpty();
        var refused = http.getForEntity("/fhir/Organization", String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        // the card's path check of the login a moment ago is remembered (renkei.card.path-check-ttl): the revoked
        // registration refuses it, before the CRL is next consulted
        assertThat(refused.getHeaders().getFirst(CardLogin.REFUSAL_HEADER)).isIn("revoked", "registration-revoked");
    }
}

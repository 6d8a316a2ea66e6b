package org.renkei.identity;

import org.renkei.TestLogins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.x509;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@RenkeiTest
class CardRegistrationPageTests {

    @Autowired MockMvc mvc;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired StaffRegistry registry;
    @Autowired CardCertificates cards;
    @Autowired NetworkCardAuthority networkCards;

    TestStaff staff;
    TestCards.TestCa ca;
    MockHttpSession operator;

    @BeforeEach
    void setUp() throws Exception {
        staff = new TestStaff(facilities, filings, registry);
        ca = TestCards.trustedHpkiCa();
        operator = TestLogins.operator(mvc);
    }

    private ResultActions upload(UUID staffId, byte[] content) throws Exception {
        return mvc.perform(multipart("/operator/staff/{id}/cards", staffId)
                .file(new MockMultipartFile("certificate", "card.pem", "application/x-pem-file", content))
                .session(operator).with(csrf()));
    }

    private static byte[] pem(TestCards.Card card) {
        return KeyStoreFiles.pem(List.of(card.certificate())).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    @DisplayName("USR-02 the operator registers a doctor's HPKI card certificate (PEM or DER) on the user's card page")
    void register() throws Exception {
        UUID doctor = staff.active(Profession.DOCTOR, "登録");
        mvc.perform(get("/operator/staff/{id}", doctor).session(operator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/operator/staff/" + doctor + "/cards")));
        mvc.perform(get("/operator/staff/{id}/cards", doctor).session(operator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("登録されたICカード証明書はありません")))
                .andExpect(content().string(containsString("HPKIカードの証明書を登録")));

        TestCards.Card signing = ca.card().signing().issue();
        upload(doctor, pem(signing)).andExpect(redirectedUrl("/operator/staff/" + doctor + "/cards?registered"));
        TestCards.Card login = ca.card().issue();
        upload(doctor, login.certificate().getEncoded())
                .andExpect(redirectedUrl("/operator/staff/" + doctor + "/cards?registered"));

        assertThat(cards.ofStaff(doctor)).extracting(CardCertificate::serialNumber, CardCertificate::signing,
                CardCertificate::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(CardCertificates.serialOf(signing.certificate()), true,
                        AuthLevel.HPKI_CARD),
                org.assertj.core.groups.Tuple.tuple(CardCertificates.serialOf(login.certificate()), false,
                        AuthLevel.HPKI_CARD));
        assertThat(cards.ofStaff(doctor)).allSatisfy(c -> assertThat(c.registeredBy()).contains("operator"));
        mvc.perform(get("/operator/staff/{id}/cards", doctor).param("registered", "").session(operator))
                .andExpect(content().string(containsString("HPKIカードの証明書を登録しました")))
                .andExpect(content().string(containsString(CardCertificates.serialOf(signing.certificate()))))
                .andExpect(content().string(containsString("署名用証明書")));

        mvc.perform(post("/login/card").with(x509(login.certificate())).with(csrf()))
                .andExpect(redirectedUrl("/console"));
    }

    @Test
    @DisplayName("USR-02 an upload is checked before it is registered: readable, valid now, HPKI role of the profession, new")
    void uploadChecks() throws Exception {
        UUID pharmacist = staff.active(Profession.PHARMACIST, "検査");

        upload(pharmacist, "not a certificate".getBytes()).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("証明書ファイルを読み取れません")));
        upload(pharmacist, new byte[0]).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("証明書ファイルを選んでください")));
        upload(pharmacist, pem(ca.card().role(Hpki.PHARMACIST).expired().issue())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("この証明書は有効期間外です")));
        upload(pharmacist, pem(ca.card().issue())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("この証明書の資格（Medical Doctor）は、利用者の職種と一致しません")));
        upload(pharmacist, pem(ca.card().userCard().issue())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("HPKIの資格情報（hcRole）がありません")));
        assertThat(cards.ofStaff(pharmacist)).isEmpty();

        byte[] good = pem(ca.card().role(Hpki.PHARMACIST).issue());
        upload(pharmacist, good).andExpect(status().is3xxRedirection());
        upload(pharmacist, good).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("この証明書は既に登録されています")));
        assertThat(cards.ofStaff(pharmacist)).hasSize(1);

        UUID nurse = staff.active(Profession.NURSE, "検査");
        upload(nurse, pem(ca.card().issue())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("この利用者の職種はHPKIカードを使いません")));
        mvc.perform(get("/operator/staff/{id}/cards", nurse).session(operator))
                .andExpect(content().string(containsString("ネットワークの利用者カードでログインします")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("HPKIカードの証明書を登録"))));
    }

    @Test
    @DisplayName("USR-07 the operator revokes a lost card's registration: it is shown revoked and logs in no more")
    void revoke() throws Exception {
        UUID doctor = staff.active(Profession.DOCTOR, "取消");
        TestCards.Card card = ca.card().issue();
        upload(doctor, pem(card)).andExpect(status().is3xxRedirection());
        CardCertificate registration = cards.ofStaff(doctor).get(0);

        mvc.perform(post("/operator/staff/{s}/cards/{c}/revoke", doctor, registration.id()).session(operator)
                .with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("取消の理由を選んでください")));
        mvc.perform(post("/operator/staff/{s}/cards/{c}/revoke", UUID.randomUUID(), registration.id())
                .param("reason", "lost").session(operator).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/operator/staff/{s}/cards/{c}/revoke", doctor, registration.id()).param("reason", "lost")
                .session(operator).with(csrf()))
                .andExpect(redirectedUrl("/operator/staff/" + doctor + "/cards?revoked"));

        assertThat(cards.find(registration.id()).orElseThrow().revocationReason()).isEqualTo("lost");
        mvc.perform(get("/operator/staff/{id}/cards", doctor).session(operator))
                .andExpect(content().string(containsString("登録取消（紛失）")));
        mvc.perform(post("/login/card").with(x509(card.certificate())).with(csrf()))
                .andExpect(redirectedUrl("/login?card=registration-revoked"));
    }

    @Test
    @DisplayName("USR-02 only the operator reaches a user's card page; an unknown user is a 404")
    void operatorOnly() throws Exception {
        UUID doctor = staff.active(Profession.DOCTOR, "権限");
        mvc.perform(get("/operator/staff/{id}/cards", doctor)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/operator/staff/{id}/cards", UUID.randomUUID()).session(operator))
                .andExpect(status().isNotFound());
        mvc.perform(get("/operator/staff/{id}/cards", doctor).param("lang", "en").session(operator))
                .andExpect(content().string(containsString("IC-card certificates")));
    }

    @Test
    @DisplayName("USR-07 a lost network card revoked on the user's card page is on the CA's published revocation list at once")
    void lostNetworkCardIsOnTheCrlAtOnce() throws Exception {
        UUID nurse = staff.active(Profession.NURSE, "紛失");
        var token = java.security.KeyStore.getInstance("PKCS12");
        token.load(new java.io.ByteArrayInputStream(networkCards.issueSoftToken(nurse, "Token-pass-1!".toCharArray(),
                "test")), "Token-pass-1!".toCharArray());
        var card = (java.security.cert.X509Certificate) token.getCertificate(token.aliases().nextElement());
        CardCertificate registration = cards.findByFingerprint(CardCertificates.fingerprintOf(card)).orElseThrow();

        mvc.perform(post("/operator/staff/{s}/cards/{c}/revoke", nurse, registration.id()).param("reason", "lost")
                        .session(operator).with(csrf()))
                .andExpect(redirectedUrl("/operator/staff/" + nurse + "/cards?revoked"));

        byte[] der = mvc.perform(get("/public/ca/crl")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        var crl = (java.security.cert.X509CRL) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCRL(new java.io.ByteArrayInputStream(der));
        var entry = crl.getRevokedCertificate(card.getSerialNumber());
        assertThat(entry).isNotNull();
        assertThat(entry.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
        assertThat(cards.find(registration.id()).orElseThrow().revocationReason()).isEqualTo("keyCompromise");
    }
}

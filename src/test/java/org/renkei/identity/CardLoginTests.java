package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.x509;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.renkei.RenkeiTest;
import org.renkei.TestRegion;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.filing.FilingSchedule;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;

@RenkeiTest
@ExtendWith(OutputCaptureExtension.class)
class CardLoginTests {

    @Autowired MockMvc mvc;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired FilingSchedule schedule;
    @Autowired StaffRegistry registry;
    @Autowired CardCertificates cards;

    TestStaff staff;
    TestCards.TestCa hpkiCa;
    TestCards.TestCa userCardCa;

    @BeforeEach
    void setUp() {
        staff = new TestStaff(facilities, filings, registry);
        hpkiCa = TestCards.trustedHpkiCa();
        userCardCa = TestCards.trustedUserCardCa();
    }

    private CardCertificate register(UUID staffId, AuthLevel kind, TestCards.Card card) {
        return cards.register(staffId, kind, card.certificate(), "test", Instant.now());
    }

    private MockHttpSession login(TestCards.Card card) throws Exception {
        var result = mvc.perform(post("/login/card").with(x509(card.certificate(), card.ca())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/console")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private static Actor actorOf(MockHttpSession session) {
        var context = (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return ((ActorPrincipal) context.getAuthentication().getPrincipal()).actor();
    }

    /** The card is refused with this reason: the login page says why, in Japanese, and the log names it. */
    private void refused(TestCards.Card card, CardRefusal refusal, String japanese, CapturedOutput output)
            throws Exception {
        mvc.perform(post("/login/card").with(x509(card.certificate(), card.ca())).with(csrf()))
                .andExpect(redirectedUrl("/login?card=" + refusal.code()));
        mvc.perform(get("/login").param("card", refusal.code()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(japanese)))
                .andExpect(content().string(containsString("理由コード: " + refusal.code())));
        assertThat(output.getOut()).contains("Card refused (certificate sha256 "
                + CardCertificates.fingerprintOf(card.certificate()) + ", serial "
                + CardCertificates.serialOf(card.certificate()) + "): " + refusal.code());
    }

    @Test
    @DisplayName("USR-02 a doctor logs in with an HPKI card: a staff session with HPKI_CARD that may sign, and the staff start page")
    void hpkiLogin() throws Exception {
        FacilityId hospital = staff.hospital();
        UUID doctor = staff.active(hospital, Profession.DOCTOR, "医師");
        TestCards.Card card = hpkiCa.card().issue();
        CardCertificate registration = register(doctor, AuthLevel.HPKI_CARD, card);

        MockHttpSession session = login(card);

        Actor actor = actorOf(session);
        assertThat(actor.kind()).isEqualTo(Actor.AccountKind.STAFF);
        assertThat(actor.authLevel()).isEqualTo(AuthLevel.HPKI_CARD);
        assertThat(actor.authLevel().maySign()).isTrue();
        assertThat(actor.staffId()).isEqualTo(doctor);
        assertThat(actor.facilityId()).isEqualTo(hospital.value());
        assertThat(actor.profession()).isEqualTo(Profession.DOCTOR);
        assertThat(actor.accountId()).isEqualTo(registration.id());
        assertThat(actor.displayName()).isEqualTo("医師 一郎");

        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/staff"));
        mvc.perform(get("/staff").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("医師 一郎")))
                .andExpect(content().string(containsString(facilities.get(hospital).name())))
                .andExpect(content().string(containsString("HPKIカード（医師資格証・薬剤師資格証）")))
                .andExpect(content().string(containsString("できます（HPKIカード）")));
    }

    @Test
    @DisplayName("USR-02 a pharmacist logs in with the HPKI signing certificate of the card (nonRepudiation only)")
    void pharmacistWithSigningCertificate() throws Exception {
        UUID pharmacist = staff.active(Profession.PHARMACIST, "薬剤");
        TestCards.Card card = hpkiCa.card().role(Hpki.PHARMACIST).signing().issue();
        assertThat(register(pharmacist, AuthLevel.HPKI_CARD, card).signing()).isTrue();

        Actor actor = actorOf(login(card));

        assertThat(actor.authLevel()).isEqualTo(AuthLevel.HPKI_CARD);
        assertThat(actor.profession()).isEqualTo(Profession.PHARMACIST);
    }

    @Test
    @DisplayName("USR-02 USR-06 a nurse logs in with the network's user card: USER_PKI_CARD, which may not sign")
    void userCardLogin() throws Exception {
        UUID nurse = staff.active(Profession.NURSE, "看護");
        TestCards.Card card = userCardCa.card().userCard().issue();
        assertThat(register(nurse, AuthLevel.USER_PKI_CARD, card).signing()).isFalse();

        MockHttpSession session = login(card);

        Actor actor = actorOf(session);
        assertThat(actor.authLevel()).isEqualTo(AuthLevel.USER_PKI_CARD);
        assertThat(actor.authLevel().maySign()).isFalse();
        assertThat(actor.profession()).isEqualTo(Profession.NURSE);
        mvc.perform(get("/staff").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("利用者カード（ネットワークのPKIカード）")))
                .andExpect(content().string(containsString("できません")));
    }

    @Test
    @DisplayName("USR-02 a card whose issuer no card issuer trusts is refused: untrusted-issuer")
    void untrustedIssuer(CapturedOutput output) throws Exception {
        UUID doctor = staff.active(Profession.DOCTOR, "信頼");
        TestCards.Card card = TestCards.untrustedCa().card().issue();
        register(doctor, AuthLevel.HPKI_CARD, card);

        refused(card, CardRefusal.UNTRUSTED_ISSUER, "ネットワークが信頼する認証局", output);
    }

    @Test
    @DisplayName("USR-02 an expired card is refused: outside-validity")
    void expired(CapturedOutput output) throws Exception {
        UUID doctor = staff.active(Profession.DOCTOR, "期限");
        TestCards.Card card = hpkiCa.card().expired().issue();
        register(doctor, AuthLevel.HPKI_CARD, card);

        refused(card, CardRefusal.OUTSIDE_VALIDITY, "有効期間外です", output);
    }

    @Test
    @DisplayName("USR-02 USR-07 a card on its CA's revocation list (fetched from its CRL distribution point) is refused: revoked")
    void revokedByCa(CapturedOutput output) throws Exception {
        UUID doctor = staff.active(Profession.DOCTOR, "失効");
        TestCards.TestCa ca = TestCards.trustedHpkiCa();
        TestCards.Card card = ca.card().issue();
        register(doctor, AuthLevel.HPKI_CARD, card);
        ca.revoke(card.certificate());

        refused(card, CardRefusal.REVOKED, "認証局によって失効しています", output);
        assertThat(output.getOut()).contains("CRL fetched from " + ca.crlUrl());
    }

    @Test
    @DisplayName("USR-02 a card whose revocation list cannot be had is refused by default: crl-unavailable")
    void crlUnavailable(CapturedOutput output) throws Exception {
        UUID doctor = staff.active(Profession.DOCTOR, "不明");
        TestCards.Card card = hpkiCa.card().crlUrl(TestCards.missingCrlUrl()).issue();
        register(doctor, AuthLevel.HPKI_CARD, card);

        refused(card, CardRefusal.CRL_UNAVAILABLE, "失効情報（CRL）を確認できない", output);

        TestCards.Card withoutDistributionPoint = hpkiCa.card().crlUrl(null).issue();
        register(doctor, AuthLevel.HPKI_CARD, withoutDistributionPoint);
        refused(withoutDistributionPoint, CardRefusal.CRL_UNAVAILABLE, "失効情報（CRL）を確認できない", output);
    }

    @Test
    @DisplayName("USR-02 a valid card that is registered to nobody is refused: unknown-certificate")
    void unknownCertificate(CapturedOutput output) throws Exception {
        TestCards.Card card = hpkiCa.card().issue();

        refused(card, CardRefusal.UNKNOWN_CERTIFICATE, "利用者に登録されていません", output);
    }

    @Test
    @DisplayName("USR-07 a card whose registration the operator revoked (lost card) is refused: registration-revoked")
    void registrationRevoked(CapturedOutput output) throws Exception {
        UUID doctor = staff.active(Profession.DOCTOR, "紛失");
        TestCards.Card card = hpkiCa.card().issue();
        CardCertificate registration = register(doctor, AuthLevel.HPKI_CARD, card);
        cards.revoke(registration.id(), "lost", Instant.now());

        refused(card, CardRefusal.REGISTRATION_REVOKED, "登録は取り消されています", output);
    }

    @Test
    @DisplayName("USR-07 the card of a suspended user is refused: user-not-active")
    void suspendedUser(CapturedOutput output) throws Exception {
        UUID nurse = staff.active(Profession.NURSE, "停止");
        TestCards.Card card = userCardCa.card().userCard().issue();
        register(nurse, AuthLevel.USER_PKI_CARD, card);
        registry.suspend(new StaffId(nurse), "カード不正利用の疑い", TestRegion.OPERATOR);

        refused(card, CardRefusal.USER_NOT_ACTIVE, "現在ネットワークを利用できない状態です（申請中・利用停止中・削除済）",
                output);
    }

    @Test
    @DisplayName("USR-02 FAC-04 the card of a user of a withdrawn facility is refused: facility-not-active")
    void withdrawnFacility(CapturedOutput output) throws Exception {
        FacilityId hospital = staff.hospital();
        UUID doctor = staff.active(hospital, Profession.DOCTOR, "撤回");
        TestCards.Card card = hpkiCa.card().issue();
        register(doctor, AuthLevel.HPKI_CARD, card);
        filings.accept(facilities.applyToWithdraw(hospital, TestRegion.today(), TestRegion.today().plusDays(30),
                TestRegion.OPERATOR), TestRegion.OPERATOR);
        schedule.runFor(TestRegion.today().plusDays(30));

        refused(card, CardRefusal.FACILITY_NOT_ACTIVE, "所属施設は、現在ネットワークを利用できない状態です", output);
    }

    @Test
    @DisplayName("USR-02 an HPKI card whose role is not the user's profession is refused: wrong-role")
    void wrongRole(CapturedOutput output) throws Exception {
        UUID doctor = staff.active(Profession.DOCTOR, "役割");
        TestCards.Card pharmacistCard = hpkiCa.card().role(Hpki.PHARMACIST).issue();
        register(doctor, AuthLevel.HPKI_CARD, pharmacistCard);
        refused(pharmacistCard, CardRefusal.WRONG_ROLE, "登録された職種と一致しません", output);

        TestCards.Card noRole = hpkiCa.card().role(null).issue();
        register(doctor, AuthLevel.HPKI_CARD, noRole);
        refused(noRole, CardRefusal.WRONG_ROLE, "登録された職種と一致しません", output);
    }

    @Test
    @DisplayName("USR-02 doctors and pharmacists must use HPKI, everyone else the user card: wrong-card-kind")
    void wrongCardKind(CapturedOutput output) throws Exception {
        UUID doctor = staff.active(Profession.DOCTOR, "種別");
        TestCards.Card userCard = userCardCa.card().userCard().issue();
        register(doctor, AuthLevel.USER_PKI_CARD, userCard);
        refused(userCard, CardRefusal.WRONG_CARD_KIND, "職種とカードの種類が合いません", output);

        UUID nurse = staff.active(Profession.NURSE, "種別");
        TestCards.Card hpkiCard = hpkiCa.card().issue();
        register(nurse, AuthLevel.HPKI_CARD, hpkiCard);
        refused(hpkiCard, CardRefusal.WRONG_CARD_KIND, "職種とカードの種類が合いません", output);

        UUID dentist = staff.active(Profession.DENTIST, "歯科");
        TestCards.Card dentistHpki = hpkiCa.card().role("Dentist").issue();
        register(dentist, AuthLevel.HPKI_CARD, dentistHpki);
        refused(dentistHpki, CardRefusal.WRONG_CARD_KIND, "職種とカードの種類が合いません", output);
    }

    @Test
    @DisplayName("USR-02 without a client certificate the card login says so; without the CSRF token it is forbidden")
    void noCertificate(CapturedOutput output) throws Exception {
        mvc.perform(post("/login/card").with(csrf())).andExpect(redirectedUrl("/login?card=no-certificate"));
        mvc.perform(get("/login").param("card", "no-certificate")).andExpect(status().isOk())
                .andExpect(content().string(containsString("ICカードの証明書が提示されませんでした")));
        assertThat(output.getOut()).contains("Card refused: no-certificate");

        TestCards.Card card = hpkiCa.card().issue();
        mvc.perform(post("/login/card").with(x509(card.certificate()))).andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("USR-02 the login page offers the card login and shows no made-up reason")
    void loginPage() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("ICカードでログイン")))
                .andExpect(content().string(containsString("action=\"/login/card\"")));
        mvc.perform(get("/login").param("card", "<script>")).andExpect(status().isOk())
                .andExpect(content().string(containsString("ICカードでログインできませんでした。")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<script>"))));
        mvc.perform(get("/login").param("card", "revoked").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("revoked by its certificate authority")));
    }

    @Test
    @DisplayName("USR-07 a card session ends at once when the card's registration is revoked or the user suspended")
    void sessionEnds() throws Exception {
        UUID doctor = staff.active(Profession.DOCTOR, "終了");
        TestCards.Card card = hpkiCa.card().issue();
        CardCertificate registration = register(doctor, AuthLevel.HPKI_CARD, card);
        MockHttpSession session = login(card);
        mvc.perform(get("/staff").session(session)).andExpect(status().isOk());

        cards.revoke(registration.id(), "lost", Instant.now());

        mvc.perform(get("/staff").session(session)).andExpect(redirectedUrl("/login?ended"));
        assertThat(session.isInvalid()).isTrue();

        UUID nurse = staff.active(Profession.NURSE, "終了");
        TestCards.Card userCard = userCardCa.card().userCard().issue();
        register(nurse, AuthLevel.USER_PKI_CARD, userCard);
        MockHttpSession nurseSession = login(userCard);
        registry.suspend(new StaffId(nurse), "確認中", TestRegion.OPERATOR);
        mvc.perform(get("/staff").session(nurseSession)).andExpect(redirectedUrl("/login?ended"));
    }

    @Test
    @DisplayName("USR-02 a card session reaches the staff pages only; the operator's pages stay closed to it")
    void staffOnly() throws Exception {
        UUID clerk = staff.active(Profession.CLERK, "事務");
        TestCards.Card card = userCardCa.card().userCard().issue();
        register(clerk, AuthLevel.USER_PKI_CARD, card);
        MockHttpSession session = login(card);

        mvc.perform(get("/operator").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/facility").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/staff")).andExpect(status().is3xxRedirection());
    }
}

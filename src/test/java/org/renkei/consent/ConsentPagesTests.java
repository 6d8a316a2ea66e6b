package org.renkei.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestLogins;
import org.renkei.TestRegion;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Actor;
import org.renkei.identity.TestCardLogins;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@RenkeiTest
class ConsentPagesTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired ConsentDesk desk;
    @Autowired ParticipantDirectory directory;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired StaffRegistry staff;
    @Autowired JdbcClient jdbc;

    TestConsent consent;
    FacilityId clinic;
    FacilityId other;
    MockHttpSession clerk;
    MockHttpSession otherNurse;

    @BeforeEach
    void setUp() throws Exception {
        consent = new TestConsent(facilities, filings, staff, desk, directory);
        clinic = consent.activeClinic("ページ内科医院");
        other = consent.activeClinic("ほか整形外科");
        clerk = login(consent.clerkAt(clinic));
        otherNurse = login(consent.staffAt(other, org.renkei.identity.Profession.NURSE, org.renkei.identity.AuthLevel.USER_PKI_CARD));
    }

    private MockHttpSession login(Actor staffMember) throws Exception {
        return TestCardLogins.userCard(mvc, context, staffMember.staffId());
    }

    private MockHttpServletRequestBuilder newForm(PatientDetails p, String number) {
        return newForm(p, number, "PATIENT");
    }

    private MockHttpServletRequestBuilder newForm(PatientDetails p, String number, String signer) {
        return post("/consent/forms").with(csrf())
                .param("kind", "NEW").param("receivedOn", TestRegion.today().toString())
                .param("explainedBy", "説明 次郎").param("familyName", p.familyName()).param("givenName", p.givenName())
                .param("familyNameKana", p.familyNameKana()).param("givenNameKana", p.givenNameKana())
                .param("birthDate", p.birthDate().toString()).param("sex", p.sex().name()).param("phone", p.phone())
                .param("listedFacility", clinic.toString()).param("listedNumber", number)
                .param("listedFacility", "").param("listedNumber", "")
                .param("signer", signer).param("signerName", p.fullName());
    }

    @Test
    @DisplayName("PAR-01 PAR-02 PAR-03 reception enters a form, the operator registers it from the queue, the card prints, and the clinic finds the participant by its number")
    void enterRegisterFind() throws Exception {
        PatientDetails patient = TestConsent.patient();
        String number = TestConsent.patientNumber();
        String location = mvc.perform(newForm(patient, number).session(clerk))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/consent/forms/*"))
                .andReturn().getResponse().getRedirectedUrl();
        UUID formId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get(location).session(clerk)).andExpect(status().isOk())
                .andExpect(content().string(containsString("登録待ち")));
        mvc.perform(get("/participants").param("patientNumber", number).session(clerk))
                .andExpect(content().string(containsString("該当する参加者はいません")));

        MockHttpSession operator = TestLogins.operator(mvc);
        mvc.perform(get("/operator/consent").session(operator)).andExpect(status().isOk())
                .andExpect(content().string(containsString(patient.fullName())));
        String participantPage = mvc.perform(post("/operator/consent/forms/" + formId + "/register").with(csrf())
                        .session(operator))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(participantPage).session(operator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("登録しました")))
                .andExpect(content().string(containsString(number)));
        ParticipantId id = desk.form(formId, TestConsent.OPERATOR).participant();
        String card = CardNumbers.display(desk.form(formId, TestConsent.OPERATOR).issuedCardNumber());
        mvc.perform(get("/operator/consent/participants/" + id + "/card").session(operator)).andExpect(status().isOk())
                .andExpect(content().string(containsString(card)));

        mvc.perform(get("/participants").param("patientNumber", number).session(clerk))
                .andExpect(content().string(containsString(patient.fullName())));
        mvc.perform(get("/participants/" + id).session(clerk)).andExpect(status().isOk())
                .andExpect(content().string(containsString(number)));
    }

    @Test
    @DisplayName("CON-02 another facility finds nothing, and an unpermitted participant's page is the same 404 as a made-up one")
    void unpermittedLooksAbsent() throws Exception {
        PatientDetails patient = TestConsent.patient();
        Participant p = consent.join(patient, clinic, clinic);

        mvc.perform(get("/participants").param("name", patient.familyNameKana())
                        .param("birthDate", patient.birthDate().toString()).session(otherNurse))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("該当する参加者はいません")))
                .andExpect(content().string(not(containsString("/participants/" + p.id()))));
        String unpermitted = mvc.perform(get("/participants/" + p.id()).session(otherNurse))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String madeUp = mvc.perform(get("/participants/" + UUID.randomUUID()).session(otherNurse))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(withoutCsrfToken(unpermitted)).isEqualTo(withoutCsrfToken(madeUp));
    }

    /** The CSRF token is masked afresh in every response. */
    private static String withoutCsrfToken(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    @Test
    @DisplayName("PAR-04 a proxy signature without the identity document is refused on the page in Japanese, keeps what was typed, and writes nothing")
    void badFormOnThePage() throws Exception {
        long before = jdbc.sql("select count(*) from consent_form").query(Long.class).single();
        PatientDetails patient = TestConsent.patient();
        mvc.perform(newForm(patient, "X-1", "FAMILY").param("patientCannotSign", "true")
                        .param("signerRelationship", "長女").session(clerk))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("代筆者の本人確認書類")))
                .andExpect(content().string(containsString(patient.familyNameKana())));
        assertThat(jdbc.sql("select count(*) from consent_form").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @DisplayName("CON-09 the operator's participant page shows the history and the state on a past day")
    void historyOnThePage() throws Exception {
        Participant p = consent.join(TestConsent.patient(), clinic, clinic, other);
        consent.file(FormKind.WITHDRAWAL, p, clinic);
        MockHttpSession operator = TestLogins.operator(mvc);
        mvc.perform(get("/operator/consent/participants/" + p.id()).param("on", TestRegion.today().minusDays(1).toString())
                        .session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("撤回届")))
                .andExpect(content().string(containsString("参加していない")));
    }
}

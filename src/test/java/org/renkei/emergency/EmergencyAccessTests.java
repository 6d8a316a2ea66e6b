package org.renkei.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.renkei.TestRegion.OPERATOR;
import static org.renkei.TestRegion.today;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestLogins;
import org.renkei.access.AccessDecisions;
import org.renkei.access.AccessRequest;
import org.renkei.access.Action;
import org.renkei.access.DataKind;
import org.renkei.access.Reason;
import org.renkei.consent.ConsentDesk;
import org.renkei.consent.FormKind;
import org.renkei.consent.ListedFacility;
import org.renkei.consent.Listing;
import org.renkei.consent.Participant;
import org.renkei.consent.ParticipantDirectory;
import org.renkei.consent.TestConsent;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.record.Attachments;
import org.renkei.record.FhirRecords;
import org.renkei.record.SharedRecords;
import org.renkei.record.StoredRecord;
import org.renkei.record.TestRecords;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.Profession;
import org.renkei.identity.TestCardLogins;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffRegistry;
import org.renkei.staff.StaffStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/** Emergency access on the whole application: the pages, the access decision, the audit trail and the review. */
@RenkeiTest
class EmergencyAccessTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired EmergencyAccess emergency;
    @Autowired AccessDecisions access;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired StaffRegistry staff;
    @Autowired ConsentDesk desk;
    @Autowired ParticipantDirectory directory;
    @Autowired JdbcClient jdbc;
    @Autowired SharedRecords records;
    @Autowired FhirRecords fhir;
    @Autowired Attachments attachments;
    @Autowired TransactionTemplate transactions;

    TestConsent consent;
    FacilityId hospital;
    FacilityId clinic;

    @BeforeEach
    void region() {
        consent = new TestConsent(facilities, filings, staff, desk, directory);
        String suffix = TestConsent.uniqueKana();
        hospital = consent.activeHospital("緊急試験病院 " + suffix);
        clinic = consent.activeClinic("緊急試験クリニック " + suffix);
    }

    private Actor nurse() {
        return consent.staffAt(hospital, Profession.NURSE, AuthLevel.USER_PKI_CARD);
    }

    /** A participant of the clinic who never permitted the hospital. */
    private Participant clinicPatient() {
        return consent.join(TestConsent.patient(), clinic, clinic);
    }

    private Reason view(Actor actor, Participant p, Action action) {
        return access.decide(AccessRequest.of(actor, p.id().value(), action, DataKind.CENTRE_RECORD)).reason();
    }

    /**
     * The audit events of this staff member, oldest first, waiting a little for those recorded later — without the
     * access decision's own denials, which are written alongside and asserted elsewhere.
     */
    private List<Map<String, Object>> audit(UUID staffId, int atLeast) throws InterruptedException {
        return audit(staffId, atLeast, null);
    }

    /**
     * The user's audit entries (but access denials), once at least that many of the action (any, if null) are
     * there: refusals are appended without the request waiting for them.
     */
    private List<Map<String, Object>> audit(UUID staffId, int atLeast, String action) throws InterruptedException {
        List<Map<String, Object>> rows = List.of();
        for (int i = 0; i < 50; i++) {
            rows = jdbc.sql("""
                    select action, outcome, purpose, participant_id, resource_type, detail from audit_event
                    where staff_id = :staff and action <> 'ACCESS_DENIED' order by seq""")
                    .param("staff", staffId).query().listOfRows();
            if (rows.stream().filter(r -> action == null || action.equals(r.get("action"))).count() >= atLeast) {
                return rows;
            }
            Thread.sleep(100);
        }
        return rows;
    }

    private int activations(UUID staffId) {
        return jdbc.sql("select count(*) from emergency_activation where staff_id = :s").param("s", staffId)
                .query(Integer.class).single();
    }

    @Test
    @DisplayName("EMG-01 EMG-02 a nurse with a user card at a hospital presses the emergency button with a reason, finds a participant who never permitted the hospital, and sees their records; every step is audited as emergency access")
    void cardNurseOpensUnpermittedParticipant() throws Exception {
        Actor nurse = nurse();
        Participant patient = clinicPatient();
        MockHttpSession session = TestCardLogins.userCard(mvc, context, nurse.staffId());
        mvc.perform(get("/staff").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"emergency-button\"")));
        mvc.perform(get("/participants/{id}/records", patient.id()).session(session))
                .andExpect(status().isNotFound());

        mvc.perform(get("/emergency").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("意識がない状態で救急搬送")));
        mvc.perform(post("/emergency").param("reason", "UNCONSCIOUS").with(csrf()).session(session))
                .andExpect(redirectedUrl("/emergency/search"));
        mvc.perform(get("/emergency/search").param("name", patient.details().familyNameKana())
                        .param("birthDate", "1950-04-01").param("sex", "FEMALE").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(patient.details().fullNameKana())))
                .andExpect(content().string(containsString("open-" + patient.id())));
        mvc.perform(post("/emergency/open").param("participant", patient.id().toString()).with(csrf())
                        .session(session))
                .andExpect(redirectedUrl("/participants/" + patient.id() + "/records"));
        mvc.perform(get("/participants/{id}/records", patient.id()).session(session)).andExpect(status().isOk());

        var rows = audit(nurse.staffId(), 3);
        assertThat(rows).extracting(r -> r.get("action") + "/" + r.get("outcome") + "/" + r.get("purpose"))
                .contains("EMERGENCY_ACCESS/SUCCESS/EMERGENCY", "SEARCH/SUCCESS/EMERGENCY");
        assertThat(rows).filteredOn(r -> "EmergencyGrant".equals(r.get("resource_type"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("participant_id")).isEqualTo(patient.id().value());
                    assertThat((String) r.get("detail")).contains("reason=UNCONSCIOUS");
                    assertThat((String) r.get("detail")).doesNotContain(patient.details().familyName());
                });
        // the grant is this user's only
        Actor colleague = nurse();
        assertThat(view(colleague, patient, Action.VIEW)).isEqualTo(Reason.FACILITY_NOT_PERMITTED);
    }

    @Test
    @DisplayName("EMG-03 a temporary password account pressing the emergency button is refused, and the refusal is audited")
    void passwordSessionRefused() throws Exception {
        Actor nurse = nurse();
        MvcResult issued = mvc.perform(post("/operator/accounts/temporary").param("staff", nurse.staffId().toString())
                        .param("reason", "カードリーダーの故障").with(csrf()).session(TestLogins.operator(mvc)))
                .andExpect(redirectedUrlPattern("/operator/accounts/*")).andReturn();
        String username = (String) issued.getFlashMap().get("issuedUsername");
        String password = (String) issued.getFlashMap().get("issuedPassword");
        String secret = TestLogins.firstLogin(mvc, username, password, "Own-temp-pw-1!");
        MockHttpSession session = TestLogins.login(mvc, username, "Own-temp-pw-1!", secret);

        mvc.perform(get("/staff").session(session)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"emergency-button\""))))
                .andExpect(content().string(containsString("id=\"emergency-card-only\"")));
        mvc.perform(post("/emergency").param("reason", "UNCONSCIOUS").with(csrf()).session(session))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("ICカード")));

        assertThat(activations(nurse.staffId())).isZero();
        var rows = audit(nurse.staffId(), 1, "EMERGENCY_ACCESS");
        assertThat(rows).filteredOn(r -> "EMERGENCY_ACCESS".equals(r.get("action"))).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.get("outcome")).isEqualTo("DENIED");
                    assertThat(r.get("purpose")).isEqualTo("EMERGENCY");
                    assertThat((String) r.get("detail")).contains("CARD_REQUIRED");
                });
        // and the service refuses it too, whatever the page
        Actor temporary = consent.staffAt(hospital, Profession.NURSE, AuthLevel.TEMPORARY_PASSWORD);
        assertThatThrownBy(() -> emergency.press(temporary, EmergencyReason.UNCONSCIOUS, null))
                .isInstanceOf(EmergencyRefusedException.class);
    }

    @Test
    @DisplayName("EMG-01 a card user at a facility that gives no emergency care has no emergency button, and is refused")
    void clinicHasNoButton() {
        Actor clinicNurse = consent.staffAt(clinic, Profession.NURSE, AuthLevel.USER_PKI_CARD);
        assertThat(emergency.offeredTo(clinicNurse)).isFalse();
        assertThat(emergency.offeredTo(nurse())).isTrue();
        assertThatThrownBy(() -> emergency.press(clinicNurse, EmergencyReason.UNCONSCIOUS, null))
                .isInstanceOf(EmergencyRefusedException.class);
        assertThat(activations(clinicNurse.staffId())).isZero();
    }

    @Test
    @DisplayName("EMG-01 at a hospital only its doctors and nurses have the emergency button: a clerk with a card is refused")
    void onlyDoctorsAndNurses() {
        Actor clerk = consent.staffAt(hospital, Profession.CLERK, AuthLevel.USER_PKI_CARD);
        assertThat(emergency.offeredTo(clerk)).isFalse();
        assertThat(emergency.offeredTo(consent.staffAt(hospital, Profession.DOCTOR, AuthLevel.HPKI_CARD))).isTrue();
        assertThatThrownBy(() -> emergency.press(clerk, EmergencyReason.UNCONSCIOUS, null))
                .isInstanceOf(EmergencyRefusedException.class);
        assertThat(activations(clerk.staffId())).isZero();
    }

    @Test
    @DisplayName("EMG-04 pressing the button without a reason, or with other and no text, shows a readable error and changes nothing")
    void badReason() throws Exception {
        Actor nurse = nurse();
        MockHttpSession session = TestCardLogins.userCard(mvc, context, nurse.staffId());
        mvc.perform(post("/emergency").with(csrf()).session(session)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("理由を選んでください")));
        mvc.perform(post("/emergency").param("reason", "OTHER").param("reasonText", "  ").with(csrf())
                        .session(session))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("理由を記入してください")));
        assertThat(activations(nurse.staffId())).isZero();
        mvc.perform(get("/emergency/search").session(session)).andExpect(redirectedUrl("/emergency"));

        mvc.perform(post("/emergency").param("reason", "OTHER").param("reasonText", "家族の依頼で搬送元不明")
                        .with(csrf()).session(session))
                .andExpect(redirectedUrl("/emergency/search"));
        assertThat(activations(nurse.staffId())).isEqualTo(1);
    }

    @Test
    @DisplayName("EMG-01 CON-03 emergency access opens a participant who said not to share with the hospital")
    void deniedParticipantOpened() {
        Actor nurse = nurse();
        Participant patient = consent.join(TestConsent.patient(), clinic, clinic, hospital);
        consent.file(FormKind.CHANGE, patient, clinic, new ListedFacility(hospital, null, Listing.DENY));
        assertThat(view(nurse, patient, Action.VIEW)).isEqualTo(Reason.FACILITY_DENIED);
        assertThat(directory.search(nurse, patient.details().familyNameKana(), patient.details().birthDate()))
                .isEmpty();

        emergency.press(nurse, EmergencyReason.FACILITY_NOT_PERMITTED, null);
        assertThat(emergency.search(nurse, patient.details().familyNameKana(), null, null))
                .extracting(Participant::id).containsExactly(patient.id());
        emergency.open(nurse, patient.id().value());

        assertThat(view(nurse, patient, Action.VIEW)).isEqualTo(Reason.EMERGENCY_GRANT);
        assertThat(directory.find(nurse, patient.id(), DataKind.PARTICIPANT_PROFILE)).isPresent();
    }

    @Test
    @DisplayName("EMG-01 CON-06 emergency access never opens a participant who withdrew, and the attempt is audited as refused")
    void withdrawnParticipantNeverOpened() throws Exception {
        Actor nurse = nurse();
        Participant patient = clinicPatient();
        consent.file(FormKind.WITHDRAWAL, patient, clinic);
        emergency.press(nurse, EmergencyReason.UNCONSCIOUS, null);

        assertThat(emergency.search(nurse, patient.details().familyNameKana(), null, null)).isEmpty();
        assertThatThrownBy(() -> emergency.open(nurse, patient.id().value())).isInstanceOf(NotFoundException.class);

        assertThat(view(nurse, patient, Action.VIEW)).isEqualTo(Reason.WITHDRAWN);
        assertThat(jdbc.sql("select count(*) from emergency_grant where staff_id = :s").param("s", nurse.staffId())
                .query(Integer.class).single()).isZero();
        assertThat(audit(nurse.staffId(), 2, "EMERGENCY_ACCESS")).filteredOn(r -> "DENIED".equals(r.get("outcome"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("action")).isEqualTo("EMERGENCY_ACCESS");
                    assertThat(r.get("participant_id")).isEqualTo(patient.id().value());
                    assertThat((String) r.get("detail")).contains("WITHDRAWN");
                });
    }

    @Test
    @DisplayName("EMG-02 a record seen under an emergency grant is in the audit trail as emergency access, for that participant")
    void recordSeenUnderGrantIsAuditedAsEmergency() {
        Actor nurse = nurse();
        Participant patient = clinicPatient();
        StoredRecord lab = new TestRecords(records, fhir, attachments, transactions)
                .hba1c(patient.id().value(), "7.1", Instant.parse("2026-10-01T01:00:00Z"), consent.doctorAt(clinic));
        emergency.press(nurse, EmergencyReason.UNCONSCIOUS, null);
        emergency.open(nurse, patient.id().value());

        assertThat(records.read(nurse, lab.id(), r -> true)).isPresent();
        assertThat(jdbc.sql("""
                select purpose from audit_event
                where staff_id = :s and action = 'VIEW' and resource_id = :id and participant_id = :p""")
                .param("s", nurse.staffId()).param("id", lab.id().toString()).param("p", patient.id().value())
                .query(String.class).list()).containsExactly("EMERGENCY");
    }

    @Test
    @DisplayName("EMG-04 an emergency grant is read-only: storing, changing, printing and exporting stay refused")
    void grantIsReadOnly() {
        Actor doctor = consent.staffAt(hospital, Profession.DOCTOR, AuthLevel.HPKI_CARD);
        Participant patient = clinicPatient();
        emergency.press(doctor, EmergencyReason.UNCONSCIOUS, null);
        emergency.open(doctor, patient.id().value());

        assertThat(view(doctor, patient, Action.VIEW)).isEqualTo(Reason.EMERGENCY_GRANT);
        for (Action action : new Action[] {Action.STORE, Action.UPDATE, Action.PRINT, Action.EXPORT}) {
            assertThat(view(doctor, patient, action)).as("%s", action).isEqualTo(Reason.FACILITY_NOT_PERMITTED);
        }
    }

    @Test
    @DisplayName("EMG-04 an emergency grant ends when its time is up, without any further change")
    void grantExpires() throws Exception {
        Actor nurse = nurse();
        Participant patient = clinicPatient();
        emergency.press(nurse, EmergencyReason.UNCONSCIOUS, null);
        Grant grant = emergency.open(nurse, patient.id().value(), Duration.ofSeconds(2));
        assertThat(view(nurse, patient, Action.VIEW)).isEqualTo(Reason.EMERGENCY_GRANT);
        assertThat(emergency.openParticipants(nurse)).hasSize(1);

        long wait = Duration.between(Instant.now(), grant.expiresAt()).toMillis() + 200;
        Thread.sleep(Math.max(wait, 0));

        assertThat(view(nurse, patient, Action.VIEW)).isEqualTo(Reason.FACILITY_NOT_PERMITTED);
        assertThat(emergency.openParticipants(nurse)).isEmpty();
        // the default lasts a day
        Grant daily = emergency.open(nurse, patient.id().value());
        assertThat(Duration.between(daily.grantedAt(), daily.expiresAt())).isEqualTo(Duration.ofHours(24));
    }

    @Test
    @DisplayName("EMG-04 the operator confirms an emergency access in the review queue, and it is audited")
    void operatorConfirms() throws Exception {
        Actor nurse = nurse();
        Participant patient = clinicPatient();
        Activation activation = emergency.press(nurse, EmergencyReason.UNCONSCIOUS, null);
        emergency.open(nurse, patient.id().value());

        MockHttpSession operator = TestLogins.operator(mvc);
        mvc.perform(get("/operator/emergency").session(operator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("review-" + activation.id())))
                .andExpect(content().string(containsString(patient.details().fullName())));
        mvc.perform(post("/operator/emergency/{id}/confirm", activation.id()).param("note", "救急外来の記録と一致")
                        .with(csrf()).session(operator))
                .andExpect(redirectedUrl("/operator/emergency"));

        Activation reviewed = jdbcActivation(activation.id());
        assertThat(reviewed.reviewState()).isEqualTo(ReviewState.CONFIRMED);
        assertThat(reviewed.reviewNote()).isEqualTo("救急外来の記録と一致");
        assertThat(view(nurse, patient, Action.VIEW)).isEqualTo(Reason.EMERGENCY_GRANT);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'ADMINISTRATION' and resource_id = :id
                and detail like '%CONFIRMED%'""").param("id", activation.id().toString())
                .query(Integer.class).single()).isEqualTo(1);
        // reviewed once only
        assertThatThrownBy(() -> emergency.confirm(activation.id(), null, OPERATOR))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("EMG-04 USR-07 the operator flags an emergency access as misuse: it ends at once and the user is suspended")
    void operatorFlagsMisuse() throws Exception {
        Actor nurse = nurse();
        Participant patient = clinicPatient();
        Activation activation = emergency.press(nurse, EmergencyReason.OTHER, "知人の情報を確認したかった");
        emergency.open(nurse, patient.id().value());
        assertThat(view(nurse, patient, Action.VIEW)).isEqualTo(Reason.EMERGENCY_GRANT);

        MockHttpSession operator = TestLogins.operator(mvc);
        mvc.perform(post("/operator/emergency/{id}/misuse", activation.id()).param("note", " ").param("suspend", "true")
                        .with(csrf()).session(operator))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("理由を記入してください")));
        assertThat(jdbcActivation(activation.id()).reviewState()).isEqualTo(ReviewState.PENDING);

        mvc.perform(post("/operator/emergency/{id}/misuse", activation.id()).param("note", "業務外の閲覧")
                        .param("suspend", "true").with(csrf()).session(operator))
                .andExpect(redirectedUrl("/operator/emergency"));

        Activation reviewed = jdbcActivation(activation.id());
        assertThat(reviewed.reviewState()).isEqualTo(ReviewState.MISUSE);
        assertThat(reviewed.userSuspended()).isTrue();
        assertThat(reviewed.endedAt()).isNotNull();
        assertThat(staff.get(new StaffId(nurse.staffId())).status()).isEqualTo(StaffStatus.SUSPENDED);
        assertThat(view(nurse, patient, Action.VIEW)).isEqualTo(Reason.USER_NOT_ACTIVE);
        // reinstated, the user still has nothing open
        staff.reinstate(new StaffId(nurse.staffId()), OPERATOR);
        assertThat(view(nurse, patient, Action.VIEW)).isEqualTo(Reason.FACILITY_NOT_PERMITTED);
        assertThat(emergency.openActivation(nurse)).isEmpty();
        mvc.perform(get("/operator/emergency").session(operator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("業務外の閲覧")));
    }

    private Activation jdbcActivation(UUID id) {
        return context.getBean(EmergencyStore.class).find(id).orElseThrow();
    }
}

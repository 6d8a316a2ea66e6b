package org.renkei.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestLogins;
import org.renkei.TestRegion;
import org.renkei.access.AccessDecisions;
import org.renkei.access.AccessRequest;
import org.renkei.access.Action;
import org.renkei.access.DataKind;
import org.renkei.consent.ConsentDesk;
import org.renkei.consent.Participant;
import org.renkei.consent.ParticipantDirectory;
import org.renkei.consent.TestConsent;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.Profession;
import org.renkei.identity.TestCardLogins;
import org.renkei.record.Attachments;
import org.renkei.record.FhirRecords;
import org.renkei.record.SharedRecords;
import org.renkei.record.StoredRecord;
import org.renkei.record.TestRecords;
import org.renkei.record.viewer.RecordReleases;
import org.renkei.record.viewer.ReleasePurpose;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Each kind of act named in AUD-01 is written to the audit trail, with who, where, what and why. */
@RenkeiTest
class AuditEventsTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired SharedRecords records;
    @Autowired FhirRecords fhir;
    @Autowired Attachments attachments;
    @Autowired TransactionTemplate transactions;
    @Autowired ConsentDesk desk;
    @Autowired ParticipantDirectory directory;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired StaffRegistry staff;
    @Autowired RecordReleases releases;
    @Autowired AccessDecisions access;
    @Autowired JdbcClient jdbc;

    TestRecords store;
    TestConsent consent;
    FacilityId clinic;
    FacilityId hospital;
    Actor clinicDoctor;
    Actor hospitalNurse;
    Participant participant;
    UUID p;

    @BeforeEach
    void setUp() {
        store = new TestRecords(records, fhir, attachments, transactions);
        consent = new TestConsent(facilities, filings, staff, desk, directory);
        clinic = consent.activeClinic("監査内科");
        hospital = consent.activeHospital("監査病院");
        clinicDoctor = consent.doctorAt(clinic);
        hospitalNurse = consent.staffAt(hospital, Profession.NURSE, AuthLevel.USER_PKI_CARD);
        participant = consent.join(TestConsent.patient(), clinic, clinic, hospital);
        p = participant.id().value();
    }

    @Test
    @DisplayName("AUD-01 a consent form entered and registered is written, naming the participant and the operator")
    void consentRegistration() {
        List<Map<String, Object>> registered = entries("participant_id = :p and action = 'CONSENT_REGISTRATION'",
                Map.of("p", p));
        assertThat(registered).singleElement().satisfies(e -> {
            assertThat(e.get("username")).isEqualTo(TestRegion.OPERATOR.username());
            assertThat(e.get("purpose")).isEqualTo("ADMINISTRATION");
            assertThat(e.get("resource_type")).isEqualTo("ConsentForm");
        });
        Object form = registered.get(0).get("resource_id");
        assertThat(entries("resource_id = :form and action = 'STORE' and resource_type = 'ConsentForm'",
                Map.of("form", form))).singleElement()
                .satisfies(e -> assertThat((String) e.get("detail")).contains("kind=NEW"));
    }

    @Test
    @DisplayName("AUD-01 storing, viewing, searching, changing and printing a record are written with staff, facility, auth level and purpose")
    void recordActs() throws Exception {
        StoredRecord lab = store.hba1c(p, "6.9", Instant.parse("2026-10-01T01:00:00Z"), clinicDoctor);
        assertThat(entries("resource_id = :id and action = 'STORE'", Map.of("id", lab.id().toString())))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("staff_id")).isEqualTo(clinicDoctor.staffId());
                    assertThat(e.get("facility_id")).isEqualTo(clinic.value());
                    assertThat(e.get("auth_level")).isEqualTo(clinicDoctor.authLevel().name());
                    assertThat(e.get("participant_id")).isEqualTo(p);
                    assertThat(e.get("resource_type")).isEqualTo("Observation");
                    assertThat(e.get("purpose")).isEqualTo("CARE");
                    assertThat(e.get("outcome")).isEqualTo("SUCCESS");
                });

        MockHttpSession nurse = TestCardLogins.userCard(mvc, context, hospitalNurse.staffId());
        mvc.perform(get("/records/{id}", lab.id()).session(nurse).header("X-Request-Id", "req-audit-view-1"))
                .andExpect(status().isOk());
        assertThat(entries("resource_id = :id and action = 'VIEW' and staff_id = :s",
                Map.of("id", lab.id().toString(), "s", hospitalNurse.staffId()))).singleElement().satisfies(e -> {
                    assertThat(e.get("facility_id")).isEqualTo(hospital.value());
                    assertThat(e.get("request_id")).isEqualTo("req-audit-view-1");
                    assertThat(e.get("client_address")).isEqualTo("127.0.0.1");
                });

        mvc.perform(get("/participants/{id}/records", p).session(nurse)).andExpect(status().isOk());
        assertThat(entries("participant_id = :p and action = 'SEARCH' and staff_id = :s",
                Map.of("p", p, "s", hospitalNurse.staffId()))).isNotEmpty();

        var print = releases.print(hospitalNurse, p, List.of(lab.id()), ReleasePurpose.CARE);
        assertThat(entries("resource_id = :id and action = 'PRINT'", Map.of("id", print.id().toString())))
                .singleElement().satisfies(e -> assertThat(e.get("outcome")).isEqualTo("SUCCESS"));
        var export = releases.export(hospitalNurse, p, List.of(lab.id()), ReleasePurpose.CARE);
        assertThat(entries("resource_id = :id and action = 'EXPORT'", Map.of("id", export.id().toString())))
                .singleElement().satisfies(e -> assertThat(e.get("outcome")).isEqualTo("DENIED"));

        records.markEnteredInError(lab.id(), lab.content(), clinicDoctor);
        assertThat(entries("resource_id = :id and action = 'UPDATE'", Map.of("id", lab.id().toString())))
                .singleElement();
    }

    @Test
    @DisplayName("AUD-01 a participant found and opened by staff is written as a search and a view")
    void participantSearchAndView() {
        directory.search(hospitalNurse, participant.details().familyName(), participant.details().birthDate());
        assertThat(entries("participant_id = :p and action = 'SEARCH' and resource_type = 'Patient' and staff_id = :s",
                Map.of("p", p, "s", hospitalNurse.staffId()))).singleElement();
        directory.consent(hospitalNurse, participant.id());
        assertThat(entries("participant_id = :p and action = 'VIEW' and resource_type = 'Consent' and staff_id = :s",
                Map.of("p", p, "s", hospitalNurse.staffId()))).singleElement();
    }

    @Test
    @DisplayName("AUD-01 an access the decision refuses is written as denied, with the reason")
    void denialIsWritten() throws Exception {
        FacilityId other = consent.activeClinic("監査外内科");
        Actor outsider = consent.doctorAt(other);
        assertThat(access.permits(AccessRequest.of(outsider, p, Action.VIEW, DataKind.CENTRE_RECORD))).isFalse();
        List<Map<String, Object>> denied = eventually("participant_id = :p and action = 'ACCESS_DENIED' and staff_id = :s",
                Map.of("p", p, "s", outsider.staffId()));
        assertThat(denied).singleElement().satisfies(e -> {
            assertThat(e.get("outcome")).isEqualTo("DENIED");
            assertThat((String) e.get("detail")).contains("action=VIEW").contains("reason=FACILITY_NOT_PERMITTED");
        });
    }

    @Test
    @DisplayName("AUD-01 logins that succeed and fail, and logouts, are written")
    void loginsAreWritten() throws Exception {
        String username = "no-such-user-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(formLogin("/login").user(username).password("wrong-Password-1"));
        assertThat(eventually("username = :u and action = 'LOGIN'", Map.of("u", username))).singleElement()
                .satisfies(e -> assertThat(e.get("outcome")).isEqualTo("FAILURE"));

        MockHttpSession card = TestCardLogins.userCard(mvc, context, hospitalNurse.staffId());
        assertThat(entries("staff_id = :s and action = 'LOGIN' and outcome = 'SUCCESS'",
                Map.of("s", hospitalNurse.staffId()))).isNotEmpty();
        mvc.perform(post("/logout").with(csrf()).session(card));
        assertThat(entries("staff_id = :s and action = 'LOGOUT'", Map.of("s", hospitalNurse.staffId())))
                .isNotEmpty();
    }

    @Test
    @DisplayName("AUD-01 an administrative act — a user suspended — is written with the operator")
    void administrativeActIsWritten() {
        staff.suspend(new StaffId(clinicDoctor.staffId()), "監査テスト", TestRegion.OPERATOR);
        assertThat(entries("resource_id = :id and action = 'ADMINISTRATION'",
                Map.of("id", clinicDoctor.staffId().toString()))).singleElement().satisfies(e -> {
                    assertThat(e.get("username")).isEqualTo(TestRegion.OPERATOR.username());
                    assertThat(e.get("detail")).isEqualTo("suspended");
                });
    }

    private List<Map<String, Object>> entries(String where, Map<String, ?> params) {
        return jdbc.sql("select * from audit_event where " + where + " order by seq").params(params).query().listOfRows();
    }

    /** Entries written without waiting (refusals) appear with the writer's next batch. */
    private List<Map<String, Object>> eventually(String where, Map<String, ?> params) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<Map<String, Object>> found = entries(where, params);
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(50);
        }
        return List.of();
    }
}

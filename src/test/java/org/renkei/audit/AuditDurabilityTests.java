package org.renkei.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestHttps;
import org.renkei.consent.ConsentDesk;
import org.renkei.consent.Participant;
import org.renkei.consent.ParticipantDirectory;
import org.renkei.consent.TestConsent;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.NetworkCardAuthority;
import org.renkei.identity.Profession;
import org.renkei.identity.TestCardLogins;
import org.renkei.record.Attachments;
import org.renkei.record.FhirRecords;
import org.renkei.record.SharedRecords;
import org.renkei.record.StoredRecord;
import org.renkei.record.TestRecords;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * AUD-01 with AUD-03: an access is shown only once its audit entry is durable. Here the audit table refuses every
 * append (the application's role loses its insert grant for a moment), and the record the user asks for is not
 * shown — on the page and over FHIR — but answered 503.
 */
@RenkeiTest
class AuditDurabilityTests {

    private static final char[] CARD_PASSWORD = "durability-card".toCharArray();

    @LocalServerPort int port;
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
    @Autowired NetworkCardAuthority cards;
    @Autowired @Qualifier("databaseOwner") DataSource owner;

    @Test
    @DisplayName("AUD-03 when the audit entry of a view cannot be written, the record is not shown: 503 on the page and over FHIR")
    void nothingIsShownWithoutItsEntry() throws Exception {
        var consent = new TestConsent(facilities, filings, staff, desk, directory);
        FacilityId clinic = consent.activeClinic("監査停止内科");
        FacilityId hospital = consent.activeHospital("監査停止病院");
        Actor doctor = consent.doctorAt(clinic);
        Actor nurse = consent.staffAt(hospital, Profession.NURSE, AuthLevel.USER_PKI_CARD);
        Participant participant = consent.join(TestConsent.patient(), clinic, clinic, hospital);
        StoredRecord lab = new TestRecords(records, fhir, attachments, transactions)
                .hba1c(participant.id().value(), "8.2", Instant.parse("2026-10-02T01:00:00Z"), doctor);
        MockHttpSession page = TestCardLogins.userCard(mvc, context, nurse.staffId());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(new ByteArrayInputStream(cards.issueSoftToken(nurse.staffId(), CARD_PASSWORD, "test")),
                CARD_PASSWORD);
        var api = TestHttps.template(port, keys, CARD_PASSWORD);
        String path = "/fhir/Observation/" + lab.id();

        JdbcTemplate asOwner = new JdbcTemplate(owner);
        asOwner.execute("revoke insert on audit_event from renkei_app");
        try {
            String shown = mvc.perform(get("/records/{id}", lab.id()).session(page))
                    .andExpect(status().isServiceUnavailable()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(shown).doesNotContain("8.2");
            ResponseEntity<String> answer = api.getForEntity(TestHttps.url(port, path), String.class);
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getBody()).contains("OperationOutcome").doesNotContain("8.2");
        } finally {
            asOwner.execute("grant insert on audit_event to renkei_app");
        }
        ResponseEntity<String> again = api.getForEntity(TestHttps.url(port, path), String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).contains("8.2");
    }
}

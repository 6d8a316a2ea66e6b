package org.renkei.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestHttps;
import org.renkei.TestLogins;
import org.renkei.TestRegion;
import org.renkei.consent.ConsentDesk;
import org.renkei.consent.ParticipantDirectory;
import org.renkei.consent.TestConsent;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Actor;
import org.renkei.identity.NetworkCardAuthority;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The audit trail as FHIR AuditEvent in the shape of IHE BALP, for the operator only. */
@RenkeiTest
class AuditEventFhirTests {

    private static final char[] CARD_PASSWORD = "Audit-card-1!".toCharArray();

    @LocalServerPort int port;
    @Autowired FhirContext fhir;
    @Autowired AuditTrail trail;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired StaffRegistry staff;
    @Autowired ConsentDesk desk;
    @Autowired ParticipantDirectory directory;
    @Autowired NetworkCardAuthority cards;

    private ResponseEntity<String> asOperator(TestRestTemplate http, String url, Object... variables) {
        return http.exchange(url, HttpMethod.GET, TestLogins.operatorRequest(http.getRootUri()), String.class,
                variables);
    }

    private static String code(Coding coding) {
        return coding.getSystem() + "|" + coding.getCode();
    }

    @Test
    @DisplayName("AUD-02 the operator reads and searches FHIR AuditEvents in BALP shape: rest/read, action R, outcome, user agent, observer, patient entity, purpose; staff are refused")
    void operatorReadsAndSearches() throws Exception {
        var consent = new TestConsent(facilities, filings, staff, desk, directory);
        FacilityId clinic = consent.activeClinic("FHIR監査クリニック");
        Actor clerk = consent.clerkAt(clinic);
        UUID participant = UUID.randomUUID();
        AuditEntry read = trail.record(AuditEvent.of(AuditAction.VIEW).by(clerk).participant(participant)
                .resource("DocumentReference", "doc-1").clientAddress("192.0.2.10").requestId("req-1").build());
        trail.record(AuditEvent.of(AuditAction.EMERGENCY_ACCESS).by(clerk).participant(participant)
                .purpose(AuditPurpose.EMERGENCY).build());
        trail.record(AuditEvent.of(AuditAction.STORE).by(clerk).participant(participant)
                .resource("Observation", "obs-1").build());
        TestRestTemplate http = TestHttps.template(port);

        var response = asOperator(http, "/fhir/AuditEvent/{id}", read.id());
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        var event = fhir.newJsonParser().parseResource(org.hl7.fhir.r4.model.AuditEvent.class, response.getBody());
        assertThat(event.getIdElement().getIdPart()).isEqualTo(read.id().toString());
        assertThat(code(event.getType())).isEqualTo("http://terminology.hl7.org/CodeSystem/audit-event-type|rest");
        assertThat(code(event.getSubtypeFirstRep())).isEqualTo("http://hl7.org/fhir/restful-interaction|read");
        assertThat(event.getMeta().getProfile().get(0).getValue())
                .isEqualTo("https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientRead");
        assertThat(event.getAction().toCode()).isEqualTo("R");
        assertThat(event.getOutcome().toCode()).isEqualTo("0");
        assertThat(event.getRecorded().toInstant().getEpochSecond()).isEqualTo(read.at().getEpochSecond());
        var user = event.getAgent().stream().filter(a -> a.getRequestor()).findFirst().orElseThrow();
        assertThat(user.getWho().getIdentifier().getValue()).isEqualTo(clerk.username());
        assertThat(user.getWho().getReference()).isEqualTo("Practitioner/" + clerk.staffId());
        assertThat(event.getAgent()).anySatisfy(a -> {
            assertThat(code(a.getType().getCodingFirstRep())).isEqualTo("http://dicom.nema.org/resources/ontology/DCM|110153");
            assertThat(a.getNetwork().getAddress()).isEqualTo("192.0.2.10");
        });
        assertThat(event.getAgent()).anySatisfy(a ->
                assertThat(a.getWho().getReference()).isEqualTo("Organization/" + clinic));
        assertThat(event.getSource().getObserver().getDisplay()).isEqualTo("Renkei");
        assertThat(code(event.getSource().getTypeFirstRep()))
                .isEqualTo("http://terminology.hl7.org/CodeSystem/security-source-type|4");
        assertThat(event.getEntity()).anySatisfy(e -> {
            assertThat(e.getWhat().getReference()).isEqualTo("Patient/" + participant);
            assertThat(e.getRole().getCode()).isEqualTo("1");
            assertThat(e.getType().getCode()).isEqualTo("1");
        });
        assertThat(event.getEntity()).anySatisfy(e ->
                assertThat(e.getWhat().getReference()).isEqualTo("DocumentReference/doc-1"));
        assertThat(event.getEntity()).anySatisfy(e ->
                assertThat(e.getWhat().getIdentifier().getValue()).isEqualTo("req-1"));
        assertThat(code(event.getPurposeOfEventFirstRep().getCodingFirstRep()))
                .isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ActReason|TREAT");

        // search: by patient, newest first, paged by _count; by action; emergency as ETREAT
        var all = fhir.newJsonParser().parseResource(Bundle.class,
                asOperator(http, "/fhir/AuditEvent?patient=Patient/{p}&_count=2", participant).getBody());
        assertThat(all.getTotal()).isEqualTo(3);
        assertThat(all.getEntry()).hasSize(2);
        assertThat(all.getLink(Bundle.LINK_NEXT)).isNotNull();
        var newest = (org.hl7.fhir.r4.model.AuditEvent) all.getEntryFirstRep().getResource();
        assertThat(newest.getAction().toCode()).isEqualTo("C");
        assertThat(newest.getSubtypeFirstRep().getCode()).isEqualTo("create");
        var emergency = (org.hl7.fhir.r4.model.AuditEvent) all.getEntry().get(1).getResource();
        assertThat(emergency.getPurposeOfEventFirstRep().getCodingFirstRep().getCode()).isEqualTo("ETREAT");
        assertThat(code(emergency.getType())).isEqualTo("http://dicom.nema.org/resources/ontology/DCM|110110");

        var reads = fhir.newJsonParser().parseResource(Bundle.class, asOperator(http,
                "/fhir/AuditEvent?patient={p}&action=R&agent={a}&date=ge2020-01-01", participant, clerk.staffId())
                .getBody());
        assertThat(reads.getEntry()).singleElement().satisfies(e ->
                assertThat(e.getResource().getIdElement().getIdPart()).isEqualTo(read.id().toString()));
        var none = fhir.newJsonParser().parseResource(Bundle.class, asOperator(http,
                "/fhir/AuditEvent?patient={p}&date=ge2999-01-01", participant).getBody());
        assertThat(none.getEntry()).isEmpty();
        assertThat(asOperator(http, "/fhir/AuditEvent/{id}", UUID.randomUUID()).getStatusCode().value())
                .isEqualTo(404);
        assertThat(asOperator(http, "/fhir/AuditEvent?action=X").getStatusCode().value()).isEqualTo(400);

        // staff with their card are refused
        byte[] token = cards.issueSoftToken(clerk.staffId(), CARD_PASSWORD, "test");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(new ByteArrayInputStream(token), CARD_PASSWORD);
        TestRestTemplate withCard = TestHttps.template(port, keys, CARD_PASSWORD);
        assertThat(withCard.getForEntity("/fhir/AuditEvent/{id}", String.class, read.id()).getStatusCode().value())
                .isEqualTo(403);
        assertThat(withCard.getForEntity("/fhir/AuditEvent?patient={p}", String.class, participant)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(TestRegion.OPERATOR.isOperator()).isTrue();
    }

    @Test
    @DisplayName("AUD-01 a FHIR answer names the request by the id the audit trail records, once, and never echoes an id refused as one")
    void fhirAnswersNameTheAuditedRequestId() {
        TestRestTemplate http = TestHttps.template(port);
        for (String path : new String[] {"/fhir/metadata", "/fhir/Organization/" + UUID.randomUUID()}) {
            HttpHeaders given = new HttpHeaders();
            given.putAll(TestLogins.operatorRequest(http.getRootUri()).getHeaders());
            given.set("X-Request-Id", "fhir-req-1");
            var answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(given), String.class);
            assertThat(answer.getHeaders().get("X-Request-Id")).as(path).containsExactly("fhir-req-1");

            given.set("X-Request-Id", "not a token");
            answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(given), String.class);
            assertThat(answer.getHeaders().get("X-Request-Id")).as(path).singleElement()
                    .satisfies(id -> assertThat(UUID.fromString(id).version()).isEqualTo(4));
        }
    }
}

package org.renkei.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestHttps;
import org.renkei.TestRegion;
import org.renkei.consent.ConsentDesk;
import org.renkei.consent.FormKind;
import org.renkei.consent.Participant;
import org.renkei.consent.ParticipantDirectory;
import org.renkei.consent.TestConsent;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.filing.FilingKind;
import org.renkei.filing.FilingSchedule;
import org.renkei.filing.FilingStatus;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.NetworkCardAuthority;
import org.renkei.identity.Profession;
import org.renkei.staff.SelfRegistration;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The FHIR API of the shared records over HTTPS, as staff call it with their user card (a client certificate on
 * every request): storing, reading, history, search with paging and includes, attachments, documents and
 * transactions — and that nothing leaks to a facility the participant did not permit, a withdrawn facility, or
 * anyone after the participant's withdrawal.
 */
@RenkeiTest
class RecordFhirTests {

    private static final char[] CARD_PASSWORD = "Fhir-card-1!".toCharArray();
    private static final String JLAC10 = "http://medis.or.jp/CodeSystem/master-JLAC10-17digits";
    private static final String HBA1C = "3D046000001906202";
    private static final String HOT9 = "http://medis.or.jp/CodeSystem/master-HOT9";
    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    @LocalServerPort int port;
    @Autowired FhirContext fhir;
    @Autowired ConsentDesk desk;
    @Autowired ParticipantDirectory directory;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired FilingSchedule schedule;
    @Autowired StaffRegistry staff;
    @Autowired NetworkCardAuthority cards;
    @Autowired SelfRegistration selfRegistration;
    @Autowired JdbcClient jdbc;

    TestConsent consent;
    FacilityId clinic;
    FacilityId hospital;
    FacilityId other;
    TestRestTemplate clinicNurse;
    TestRestTemplate hospitalNurse;
    TestRestTemplate otherNurse;
    Participant participant;

    @BeforeEach
    void setUp() {
        consent = new TestConsent(facilities, filings, staff, desk, directory);
        clinic = consent.activeClinic("FHIR記録クリニック");
        hospital = consent.activeHospital("FHIR記録病院");
        other = consent.activeHospital("FHIR記録外病院");
        clinicNurse = withCard(consent.clerkAt(clinic));
        hospitalNurse = withCard(consent.clerkAt(hospital));
        otherNurse = withCard(consent.clerkAt(other));
        participant = consent.join(TestConsent.patient(), clinic, clinic, hospital);
    }

    private TestRestTemplate withCard(Actor user) {
        try {
            byte[] token = cards.issueSoftToken(user.staffId(), CARD_PASSWORD, "test");
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(new ByteArrayInputStream(token), CARD_PASSWORD);
            return TestHttps.template(port, keys, CARD_PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- requests -------------------------------------------------------------------------------------------

    private ResponseEntity<String> post(TestRestTemplate client, String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(FHIR_JSON);
        headers.setAccept(List.of(FHIR_JSON));
        return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> put(TestRestTemplate client, String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(FHIR_JSON);
        headers.setAccept(List.of(FHIR_JSON));
        return client.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> putIfMatch(TestRestTemplate client, String path, String body, String version) {
        var headers = new HttpHeaders();
        headers.setContentType(FHIR_JSON);
        headers.setAccept(List.of(FHIR_JSON));
        headers.setIfMatch("W/\"" + version + "\"");
        return client.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> post(TestRestTemplate client, String path, Resource resource) {
        return post(client, path, fhir.newJsonParser().encodeResourceToString(resource));
    }

    private static ResponseEntity<String> get(TestRestTemplate client, String url, Object... variables) {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(FHIR_JSON));
        return client.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), String.class, variables);
    }

    private <T extends Resource> T parse(Class<T> type, ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        return fhir.newJsonParser().parseResource(type, response.getBody());
    }

    private <T extends Resource> T created(Class<T> type, ResponseEntity<String> response) {
        return parse(type, response, 201);
    }

    private OperationOutcome.OperationOutcomeIssueComponent refused(int status, ResponseEntity<String> response) {
        return parse(OperationOutcome.class, response, status).getIssueFirstRep();
    }

    private static String key(OperationOutcome.OperationOutcomeIssueComponent issue) {
        return issue.getDetails().getCodingFirstRep().getCode();
    }

    private long records() {
        return jdbc.sql("select count(*) from record where participant_id = :p").param("p", participant.id().value())
                .query(Long.class).single();
    }

    // --- resources ------------------------------------------------------------------------------------------

    private Reference subject() {
        return new Reference("Patient/" + participant.id());
    }

    private Observation hba1c(String value) {
        var o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.getCode().addCoding(new Coding(JLAC10, HBA1C, "ＨｂＡ１ｃ（ＮＧＳＰ）")).setText("HbA1c");
        o.setSubject(subject());
        o.setEffective(new DateTimeType("2026-10-01T09:00:00+09:00"));
        o.setValue(new org.hl7.fhir.r4.model.Quantity().setValue(new java.math.BigDecimal(value)).setUnit("%"));
        return o;
    }

    private MedicationRequest prescription() {
        var m = new MedicationRequest();
        m.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setMedication(new CodeableConcept(new Coding(HOT9, "103835401", "ムコダイン錠２５０ｍｇ")));
        m.setSubject(subject());
        m.setAuthoredOnElement(new DateTimeType("2026-10-02T10:00:00+09:00"));
        return m;
    }

    private MedicationDispense dispense(String prescription) {
        var d = new MedicationDispense();
        d.setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED);
        d.setMedication(new CodeableConcept(new Coding(HOT9, "103835401", "ムコダイン錠２５０ｍｇ")));
        d.setSubject(subject());
        d.addAuthorizingPrescription(new Reference(prescription));
        d.setWhenHandedOverElement(new DateTimeType("2026-10-02T11:00:00+09:00"));
        return d;
    }

    private DocumentReference letterPdf(byte[] bytes) {
        var d = new DocumentReference();
        d.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        d.setType(new CodeableConcept(new Coding("http://loinc.org", "57133-1", "Referral note")));
        d.setSubject(subject());
        d.getContentFirstRep().getAttachment().setContentType("application/pdf").setData(bytes).setTitle("紹介状.pdf");
        return d;
    }

    private Bundle referralLetter() {
        var bundle = new Bundle();
        bundle.setType(Bundle.BundleType.DOCUMENT);
        bundle.setIdentifier(new Identifier().setSystem("http://jpfhir.jp/fhir/clins/bundle-identifier")
                .setValue("1311234567-2026-" + UUID.randomUUID().toString().substring(0, 8)));
        var composition = new Composition();
        composition.setStatus(Composition.CompositionStatus.FINAL);
        composition.setType(new CodeableConcept(new Coding("http://loinc.org", "57133-1", "診療情報提供書")));
        composition.setSubject(new Reference("urn:uuid:0a1b2c3d-0000-4000-8000-000000000001"));
        composition.setDateElement(new DateTimeType("2026-10-03T12:00:00+09:00"));
        composition.setTitle("診療情報提供書");
        composition.addAuthor(new Reference("urn:uuid:0a1b2c3d-0000-4000-8000-000000000002"));
        bundle.addEntry().setFullUrl("urn:uuid:0a1b2c3d-0000-4000-8000-000000000000").setResource(composition);
        var patient = new Patient();
        patient.addIdentifier().setSystem("urn:renkei:id:participant-card").setValue(participant.cardNumber());
        patient.addName().setFamily("熊本").addGiven("花子");
        bundle.addEntry().setFullUrl("urn:uuid:0a1b2c3d-0000-4000-8000-000000000001").setResource(patient);
        // the participant is named by the card number in the Composition's subject identifier as well
        composition.getSubject().setIdentifier(new Identifier().setSystem("urn:renkei:id:participant-card")
                .setValue(participant.cardNumber()));
        composition.getSubject().setReference(null);
        return bundle;
    }

    private String id(ResponseEntity<String> created) {
        return fhir.newJsonParser().parseResource(created.getBody()).getIdElement().getIdPart();
    }

    /** The HAPI 404 body for an id, with the id itself taken out, to compare with a random id's. */
    private static String notFound(ResponseEntity<String> response, String id) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(404);
        return response.getBody().replace(id, "<id>");
    }

    // --- tests ----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("DOC-02 INT-01 an Observation posted by the clinic gets a server id, version 1 and its author in meta; the permitted hospital reads it")
    void createAndRead() {
        var posted = hba1c("6.8");
        posted.setId("client-chosen");
        ResponseEntity<String> response = post(clinicNurse, "/fhir/Observation", posted);
        Observation stored = created(Observation.class, response);

        String id = stored.getIdElement().getIdPart();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(response.getHeaders().getLocation().toString()).contains("/fhir/Observation/" + id + "/_history/1");
        assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
        assertThat(stored.getMeta().getLastUpdated()).isNotNull();
        assertThat(((Reference) stored.getMeta().getExtensionByUrl(RecordFhir.AUTHOR_ORGANIZATION).getValue())
                .getReference()).isEqualTo("Organization/" + clinic);
        assertThat(((Reference) stored.getMeta().getExtensionByUrl(RecordFhir.AUTHOR_PRACTITIONER).getValue())
                .getReference()).startsWith("Practitioner/");

        Observation read = parse(Observation.class, get(hospitalNurse, "/fhir/Observation/{id}", id), 200);
        assertThat(read.getCode().getCodingFirstRep().getCode()).isEqualTo(HBA1C);
        assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + participant.id());
        assertThat(read.getMeta().getVersionId()).isEqualTo("1");
        assertThat(jdbc.sql("select author_facility_id from record where id = :id").param("id", UUID.fromString(id))
                .query(UUID.class).single()).isEqualTo(clinic.value());
    }

    @Test
    @DisplayName("DOC-04 AUD-01 a record asked for as another kind (Condition, Binary, their history) is 404 like a random id and leaves no view in the audit trail")
    void anotherKindIsNotThere() {
        String id = created(Observation.class, post(clinicNurse, "/fhir/Observation", hba1c("6.1")))
                .getIdElement().getIdPart();
        String random = UUID.randomUUID().toString();
        for (String path : List.of("/fhir/Condition/{id}", "/fhir/Binary/{id}", "/fhir/Condition/{id}/_history",
                "/fhir/Condition/{id}/_history/1")) {
            assertThat(notFound(get(hospitalNurse, path, id), id))
                    .isEqualTo(notFound(get(hospitalNurse, path, random), random));
        }
        var views = jdbc.sql("select count(*) from audit_event where action = 'VIEW' and resource_id = :id")
                .param("id", id);
        assertThat(views.query(Long.class).single()).isZero();
        assertThat(get(hospitalNurse, "/fhir/Observation/{id}", id).getStatusCode().value()).isEqualTo(200);
        assertThat(views.query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("DOC-02 PAR-05 the patient may be named by the participant card number or the own facility's patient number")
    void subjectByIdentifier() {
        var byCard = hba1c("6.1");
        byCard.setSubject(new Reference().setIdentifier(new Identifier().setSystem("urn:renkei:id:participant-card")
                .setValue(participant.cardNumber())));
        assertThat(created(Observation.class, post(clinicNurse, "/fhir/Observation", byCard)).getSubject()
                .getIdentifier().getValue()).isEqualTo(participant.cardNumber());
        String number = directory.patientNumberAt(TestConsent.OPERATOR, participant.id(), clinic).orElseThrow();
        var byNumber = hba1c("6.2");
        byNumber.setSubject(new Reference().setIdentifier(new Identifier()
                .setSystem("urn:oid:1.2.392.100495.20.3.51.1" + facilities.get(clinic).code()).setValue(number)));
        created(Observation.class, post(clinicNurse, "/fhir/Observation", byNumber));
        // the clinic's patient number means nothing at the hospital
        assertThat(key(refused(422, post(hospitalNurse, "/fhir/Observation", byNumber))))
                .isEqualTo("record.participant.unknown");
        assertThat(records()).isEqualTo(2);
    }

    @Test
    @DisplayName("CON-01 CON-02 DOC-04 nothing leaks to an unpermitted facility: direct reads are 404 like a random id, searches empty with total 0, no includes, no history, no Binary, no next page, the same refusal as for nobody")
    void unpermittedFacilitySeesNothing() {
        String observation = id(post(clinicNurse, "/fhir/Observation", hba1c("7.0")));
        post(clinicNurse, "/fhir/Observation", hba1c("7.1"));
        post(clinicNurse, "/fhir/Observation", hba1c("7.2"));
        String prescription = id(post(clinicNurse, "/fhir/MedicationRequest", prescription()));
        String dispensed = id(post(clinicNurse, "/fhir/MedicationDispense", dispense("MedicationRequest/" + prescription)));
        DocumentReference document = created(DocumentReference.class,
                post(clinicNurse, "/fhir/DocumentReference", letterPdf("%PDF-1.4 letter".getBytes(StandardCharsets.UTF_8))));
        String binary = new org.hl7.fhir.r4.model.IdType(document.getContentFirstRep().getAttachment().getUrl()).getIdPart();
        String random = UUID.randomUUID().toString();

        // direct reads
        assertThat(get(hospitalNurse, "/fhir/Observation/{id}", observation).getStatusCode().value()).isEqualTo(200);
        assertThat(notFound(get(otherNurse, "/fhir/Observation/{id}", observation), observation))
                .isEqualTo(notFound(get(otherNurse, "/fhir/Observation/{id}", random), random));
        assertThat(notFound(get(otherNurse, "/fhir/Observation/{id}/_history/1", observation), observation))
                .isEqualTo(notFound(get(otherNurse, "/fhir/Observation/{id}/_history/1", random), random));
        // history
        assertThat(parse(Bundle.class, get(hospitalNurse, "/fhir/Observation/{id}/_history", observation), 200)
                .getEntry()).hasSize(1);
        assertThat(notFound(get(otherNurse, "/fhir/Observation/{id}/_history", observation), observation))
                .isEqualTo(notFound(get(otherNurse, "/fhir/Observation/{id}/_history", random), random));
        // Binary
        assertThat(parse(Binary.class, get(hospitalNurse, "/fhir/Binary/{id}", binary), 200).getData())
                .isEqualTo("%PDF-1.4 letter".getBytes(StandardCharsets.UTF_8));
        assertThat(notFound(get(otherNurse, "/fhir/Binary/{id}", binary), binary))
                .isEqualTo(notFound(get(otherNurse, "/fhir/Binary/{id}", random), random));

        // search totals and includes
        String search = "/fhir/MedicationDispense?patient=Patient/{p}&_include=MedicationDispense:prescription";
        Bundle permitted = parse(Bundle.class, get(hospitalNurse, search, participant.id()), 200);
        assertThat(permitted.getTotal()).isEqualTo(1);
        assertThat(permitted.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(dispensed, prescription);
        assertThat(permitted.getEntry().get(1).getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.INCLUDE);
        ResponseEntity<String> unpermittedSearch = get(otherNurse, search, participant.id());
        Bundle unpermitted = parse(Bundle.class, unpermittedSearch, 200);
        assertThat(unpermitted.getTotal()).isZero();
        assertThat(unpermitted.getEntry()).isEmpty();
        assertThat(unpermittedSearch.getBody()).doesNotContain(prescription).doesNotContain(dispensed);

        // paging: the hospital's next page works for the hospital, the link answers nothing to another facility
        Bundle first = parse(Bundle.class, get(hospitalNurse, "/fhir/Observation?patient=Patient/{p}&_count=2",
                participant.id()), 200);
        assertThat(first.getTotal()).isEqualTo(3);
        assertThat(first.getEntry()).hasSize(2);
        String next = first.getLink(Bundle.LINK_NEXT).getUrl();
        String nextPath = next.substring(next.indexOf("/fhir"));
        Bundle second = parse(Bundle.class, get(hospitalNurse, nextPath), 200);
        assertThat(second.getEntry()).hasSize(1);
        ResponseEntity<String> stolen = get(otherNurse, nextPath);
        assertThat(stolen.getBody()).doesNotContain(observation).doesNotContain("\"Observation\"");
        if (stolen.getStatusCode().value() == 200) {
            Bundle stolenPage = fhir.newJsonParser().parseResource(Bundle.class, stolen.getBody());
            assertThat(stolenPage.getEntry()).isEmpty();
            assertThat(stolenPage.getTotal()).isZero();
        }
        Bundle otherFirst = parse(Bundle.class, get(otherNurse, "/fhir/Observation?patient=Patient/{p}&_count=2",
                participant.id()), 200);
        assertThat(otherFirst.getTotal()).isZero();
        assertThat(otherFirst.getLink(Bundle.LINK_NEXT)).isNull();

        // refusals say the same for an unpermitted participant as for nobody
        long before = records();
        var forUnknown = hba1c("5.0");
        forUnknown.setSubject(new Reference("Patient/" + random));
        var unknownIssue = refused(422, post(otherNurse, "/fhir/Observation", forUnknown));
        var unpermittedIssue = refused(422, post(otherNurse, "/fhir/Observation", hba1c("5.0")));
        assertThat(key(unpermittedIssue)).isEqualTo("record.participant.unknown");
        assertThat(unpermittedIssue.getDiagnostics()).isEqualTo(unknownIssue.getDiagnostics());
        assertThat(records()).isEqualTo(before);
    }

    @Test
    @DisplayName("CON-06 after the participant's withdrawal nobody reads, searches, pages, gets history or Binary of the records, which stay stored")
    void afterParticipantWithdrawal() {
        String observation = id(post(clinicNurse, "/fhir/Observation", hba1c("7.0")));
        post(clinicNurse, "/fhir/Observation", hba1c("7.1"));
        DocumentReference document = created(DocumentReference.class,
                post(clinicNurse, "/fhir/DocumentReference", letterPdf("%PDF-1.4 x".getBytes(StandardCharsets.UTF_8))));
        String binary = new org.hl7.fhir.r4.model.IdType(document.getContentFirstRep().getAttachment().getUrl()).getIdPart();
        Bundle first = parse(Bundle.class, get(hospitalNurse, "/fhir/Observation?patient=Patient/{p}&_count=1",
                participant.id()), 200);
        String next = first.getLink(Bundle.LINK_NEXT).getUrl();
        long stored = records();

        consent.file(FormKind.WITHDRAWAL, participant, clinic);

        String random = UUID.randomUUID().toString();
        for (TestRestTemplate client : List.of(clinicNurse, hospitalNurse)) {
            assertThat(notFound(get(client, "/fhir/Observation/{id}", observation), observation))
                    .isEqualTo(notFound(get(client, "/fhir/Observation/{id}", random), random));
            assertThat(get(client, "/fhir/Observation/{id}/_history", observation).getStatusCode().value()).isEqualTo(404);
            assertThat(get(client, "/fhir/Binary/{id}", binary).getStatusCode().value()).isEqualTo(404);
            Bundle search = parse(Bundle.class, get(client, "/fhir/Observation?patient=Patient/{p}", participant.id()), 200);
            assertThat(search.getTotal()).isZero();
            assertThat(search.getEntry()).isEmpty();
        }
        ResponseEntity<String> nextPage = get(hospitalNurse, next.substring(next.indexOf("/fhir")));
        assertThat(nextPage.getBody()).doesNotContain("\"Observation\"");
        assertThat(records()).isEqualTo(stored);
    }

    @Test
    @DisplayName("FAC-04 CON-02 a withdrawn facility's users get nothing of records they could see before")
    void withdrawnFacilitySeesNothing() {
        String observation = id(post(clinicNurse, "/fhir/Observation", hba1c("7.0")));
        assertThat(get(hospitalNurse, "/fhir/Observation/{id}", observation).getStatusCode().value()).isEqualTo(200);

        LocalDate withdrawnOn = TestRegion.today().plusDays(30);
        filings.accept(facilities.applyToWithdraw(hospital, TestRegion.today(), withdrawnOn, TestConsent.OPERATOR),
                TestConsent.OPERATOR);
        schedule.runFor(withdrawnOn);

        ResponseEntity<String> read = get(hospitalNurse, "/fhir/Observation/{id}", observation);
        assertThat(read.getStatusCode().value()).isIn(401, 403, 404);
        assertThat(String.valueOf(read.getBody())).doesNotContain(HBA1C);
        ResponseEntity<String> search = get(hospitalNurse, "/fhir/Observation?patient=Patient/{p}", participant.id());
        assertThat(String.valueOf(search.getBody())).doesNotContain(observation).doesNotContain(HBA1C);
        if (search.getStatusCode().value() == 200) {
            assertThat(fhir.newJsonParser().parseResource(Bundle.class, search.getBody()).getTotal()).isZero();
        }
        assertThat(get(clinicNurse, "/fhir/Observation/{id}", observation).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    @DisplayName("INT-01 invalid FHIR is a 400 OperationOutcome naming the rule, and nothing is stored")
    void invalidResources() {
        long before = records();
        assertThat(refused(400, post(clinicNurse, "/fhir/Observation", "{\"resourceType\":\"Observation\","))
                .getDiagnostics()).contains("JSON");
        assertThat(key(refused(400, post(clinicNurse, "/fhir/Observation",
                "{\"resourceType\":\"Observation\",\"status\":\"final\",\"bogus\":1}")))).isEqualTo("record.fhir.parse");
        assertThat(refused(400, post(clinicNurse, "/fhir/Observation", prescription())).getDiagnostics())
                .contains("MedicationRequest");
        var noSubject = hba1c("6.0");
        noSubject.setSubject(null);
        assertThat(key(refused(400, post(clinicNurse, "/fhir/Observation", noSubject))))
                .isEqualTo("record.fhir.subject");
        var noCode = hba1c("6.0");
        noCode.setCode(null);
        var issue = refused(400, post(clinicNurse, "/fhir/Observation", noCode));
        assertThat(key(issue)).isEqualTo("record.fhir.required");
        assertThat(issue.getDiagnostics()).contains("Observation.code");
        var noStatus = prescription();
        noStatus.setStatus(null);
        assertThat(key(refused(400, post(clinicNurse, "/fhir/MedicationRequest", noStatus))))
                .isEqualTo("record.fhir.required");
        var collection = referralLetter();
        collection.setType(Bundle.BundleType.COLLECTION);
        assertThat(key(refused(400, post(clinicNurse, "/fhir/Bundle", collection))))
                .isEqualTo("record.bundle.notDocument");
        var noIdentifier = referralLetter();
        noIdentifier.getIdentifier().setSystem("urn:example");
        assertThat(key(refused(400, post(clinicNurse, "/fhir/Bundle", noIdentifier))))
                .isEqualTo("record.fhir.required");
        var exe = letterPdf(new byte[] {1, 2, 3});
        exe.getContentFirstRep().getAttachment().setContentType("application/x-msdownload");
        assertThat(key(refused(400, post(clinicNurse, "/fhir/DocumentReference", exe))))
                .isEqualTo("record.attachment.type");
        assertThat(key(refused(400, get(clinicNurse, "/fhir/Observation?code=" + JLAC10 + "|" + HBA1C))))
                .isEqualTo("record.fhir.search.patient");
        assertThat(records()).isEqualTo(before);
    }

    @Test
    @DisplayName("DOC-02 a transaction stores all its entries with references between them rewritten, or with one bad entry nothing")
    void transactions() {
        long before = records();
        var bad = transaction();
        ((Observation) bad.getEntry().get(2).getResource()).setCode(null);
        assertThat(key(refused(400, post(clinicNurse, "/fhir", bad)))).isEqualTo("record.fhir.required");
        var unknown = transaction();
        ((Observation) unknown.getEntry().get(2).getResource()).setSubject(new Reference("Patient/" + UUID.randomUUID()));
        assertThat(key(refused(422, post(clinicNurse, "/fhir", unknown)))).isEqualTo("record.participant.unknown");
        assertThat(records()).isEqualTo(before);

        Bundle response = parse(Bundle.class, post(clinicNurse, "/fhir", transaction()), 200);

        assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(response.getEntry()).hasSize(3).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
        String prescription = response.getEntry().get(0).getResponse().getLocation();
        String dispense = response.getEntry().get(1).getResponse().getLocation();
        assertThat(prescription).startsWith("MedicationRequest/").endsWith("/_history/1");
        MedicationDispense stored = parse(MedicationDispense.class,
                get(hospitalNurse, "/fhir/" + dispense.substring(0, dispense.indexOf("/_history"))), 200);
        assertThat(stored.getAuthorizingPrescriptionFirstRep().getReference())
                .isEqualTo(prescription.substring(0, prescription.indexOf("/_history")));
        assertThat(records()).isEqualTo(before + 3);
    }

    private Bundle transaction() {
        var bundle = new Bundle();
        bundle.setType(Bundle.BundleType.TRANSACTION);
        String rx = "urn:uuid:" + UUID.randomUUID();
        bundle.addEntry().setFullUrl(rx).setResource(prescription()).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("MedicationRequest");
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(dispense(rx)).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("MedicationDispense");
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(hba1c("6.5")).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        return bundle;
    }

    @Test
    @DisplayName("DOC-02 a provisional (ID/password) user cannot store records: 403, nothing stored")
    void provisionalUserCannotStore() {
        String username = "kari-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Karikari-pw-1!";
        UUID registration = selfRegistration.register(new SelfRegistration.Form(facilities.get(clinic).code(), "仮登",
                "録子", TestConsent.uniqueKana(), "ロクコ", Profession.NURSE, "kari@example.jp", username, password,
                password));
        StaffId member = selfRegistration.confirm(registration, new Actor(UUID.randomUUID(), "admin", "管理責任者",
                AuthLevel.FACILITY_ADMIN_PASSWORD, Actor.AccountKind.FACILITY_ADMINISTRATOR, clinic.value()));
        filings.ofStaff(member.value()).stream()
                .filter(f -> f.kind() == FilingKind.STAFF_ADD && f.status() == FilingStatus.PENDING)
                .forEach(f -> filings.accept(f.id(), TestConsent.OPERATOR));
        long before = records();

        ResponseEntity<String> response = post(TestHttps.template(port).withBasicAuth(username, password),
                "/fhir/Observation", fhir.newJsonParser().encodeResourceToString(hba1c("6.0")));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
        assertThat(records()).isEqualTo(before);
    }

    @Test
    @DisplayName("INT-03 DOC-01 a referral letter is stored whole as a document Bundle, read back and found by its type")
    void documentBundle() {
        Bundle letter = referralLetter();
        Bundle stored = created(Bundle.class, post(clinicNurse, "/fhir/Bundle", letter));
        String id = stored.getIdElement().getIdPart();

        Bundle read = parse(Bundle.class, get(hospitalNurse, "/fhir/Bundle/{id}", id), 200);
        assertThat(read.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(read.getIdentifier().getValue()).isEqualTo(letter.getIdentifier().getValue());
        assertThat(read.getEntry()).hasSize(2);
        assertThat(((Composition) read.getEntryFirstRep().getResource()).getTitle()).isEqualTo("診療情報提供書");
        assertThat(jdbc.sql("select category from record where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo("REFERRAL_LETTER");

        Bundle found = parse(Bundle.class, get(hospitalNurse, "/fhir/Bundle?patient=Patient/{p}&type=http://loinc.org|57133-1",
                participant.id()), 200);
        assertThat(found.getTotal()).isEqualTo(1);
        assertThat(parse(Bundle.class, get(hospitalNurse, "/fhir/Bundle?patient=Patient/{p}&type=http://loinc.org|18842-5",
                participant.id()), 200).getTotal()).isZero();
    }

    @Test
    @DisplayName("DOC-01 an attachment posted inline is kept as a Binary: the DocumentReference points at it, raw bytes for a non-FHIR Accept")
    void inlineAttachment() {
        byte[] pdf = "%PDF-1.4 紹介状".getBytes(StandardCharsets.UTF_8);
        DocumentReference stored = created(DocumentReference.class,
                post(clinicNurse, "/fhir/DocumentReference", letterPdf(pdf)));
        var attachment = stored.getContentFirstRep().getAttachment();
        assertThat(attachment.hasData()).isFalse();
        assertThat(attachment.getUrl()).startsWith("Binary/");
        assertThat(attachment.getSize()).isEqualTo(pdf.length);

        String binary = attachment.getUrl().substring("Binary/".length());
        Binary read = parse(Binary.class, get(hospitalNurse, "/fhir/Binary/{id}", binary), 200);
        assertThat(read.getContentType()).isEqualTo("application/pdf");
        assertThat(read.getData()).isEqualTo(pdf);
        assertThat(read.getSecurityContext().getReference()).isEqualTo("Patient/" + participant.id());

        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PDF));
        ResponseEntity<byte[]> raw = hospitalNurse.exchange("/fhir/Binary/{id}", HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class, binary);
        assertThat(raw.getStatusCode().value()).isEqualTo(200);
        assertThat(raw.getHeaders().getContentType().toString()).startsWith("application/pdf");
        assertThat(raw.getBody()).isEqualTo(pdf);

        Bundle documents = parse(Bundle.class, get(hospitalNurse, "/fhir/DocumentReference?patient=Patient/{p}",
                participant.id()), 200);
        assertThat(documents.getTotal()).isEqualTo(1);
        assertThat(parse(Bundle.class, get(hospitalNurse, "/fhir/Observation?patient=Patient/{p}",
                participant.id()), 200).getTotal()).isZero();
    }

    @Test
    @DisplayName("DOC-04 an update is a new version in the history; status entered-in-error marks the record; DELETE is refused; another facility cannot change it")
    void updatesAndEnteredInError() {
        Observation first = created(Observation.class, post(clinicNurse, "/fhir/Observation", hba1c("6.8")));
        String id = first.getIdElement().getIdPart();
        var changed = hba1c("6.9");
        changed.setId(id);

        Observation second = parse(Observation.class, put(clinicNurse, "/fhir/Observation/" + id,
                fhir.newJsonParser().encodeResourceToString(changed)), 200);
        assertThat(second.getMeta().getVersionId()).isEqualTo("2");
        assertThat(second.getValueQuantity().getValue()).isEqualByComparingTo("6.9");
        assertThat(parse(Observation.class, get(hospitalNurse, "/fhir/Observation/{id}/_history/1", id), 200)
                .getValueQuantity().getValue()).isEqualByComparingTo("6.8");
        assertThat(key(refused(403, put(hospitalNurse, "/fhir/Observation/" + id,
                fhir.newJsonParser().encodeResourceToString(changed))))).isEqualTo("record.update.otherFacility");

        ResponseEntity<String> delete = clinicNurse.exchange("/fhir/Observation/" + id, HttpMethod.DELETE, null,
                String.class);
        assertThat(delete.getStatusCode().value()).isEqualTo(405);
        assertThat(delete.getBody()).contains("record.delete.refused");

        changed.setStatus(Observation.ObservationStatus.ENTEREDINERROR);
        Observation third = parse(Observation.class, put(clinicNurse, "/fhir/Observation/" + id,
                fhir.newJsonParser().encodeResourceToString(changed)), 200);
        assertThat(third.getMeta().getVersionId()).isEqualTo("3");
        assertThat(jdbc.sql("select status from record where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo("ENTERED_IN_ERROR");
        assertThat(parse(Bundle.class, get(hospitalNurse, "/fhir/Observation/{id}/_history", id), 200).getEntry())
                .hasSize(3);
        assertThat(parse(Bundle.class, get(hospitalNurse, "/fhir/Observation?patient=Patient/{p}", participant.id()),
                200).getTotal()).isZero();
    }

    @Test
    @DisplayName("DOC-04 an update with If-Match is made only on top of the version it names; a stale one is 412 and changes nothing")
    void updateOnTopOfAVersion() {
        Observation first = created(Observation.class, post(clinicNurse, "/fhir/Observation", hba1c("7.0")));
        String id = first.getIdElement().getIdPart();
        var changed = hba1c("7.2");
        changed.setId(id);
        String body = fhir.newJsonParser().encodeResourceToString(changed);

        Observation second = parse(Observation.class, putIfMatch(clinicNurse, "/fhir/Observation/" + id, body, "1"),
                200);
        assertThat(second.getMeta().getVersionId()).isEqualTo("2");

        ResponseEntity<String> stale = putIfMatch(clinicNurse, "/fhir/Observation/" + id, body, "1");
        assertThat(stale.getStatusCode().value()).as(stale.getBody()).isEqualTo(412);
        OperationOutcome outcome = fhir.newJsonParser().parseResource(OperationOutcome.class, stale.getBody());
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.CONFLICT);
        assertThat(jdbc.sql("select version from record where id = :id").param("id", UUID.fromString(id))
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    @DisplayName("DOC-06 INT-01 searches narrow by date range, code and storing facility")
    void searchParameters() {
        post(clinicNurse, "/fhir/Observation", hba1c("6.0"));
        var later = hba1c("6.1");
        later.setEffective(new DateTimeType("2026-11-15T09:00:00+09:00"));
        later.getCode().getCodingFirstRep().setCode("3D010000001926101");
        post(hospitalNurse, "/fhir/Observation", later);

        String base = "/fhir/Observation?patient=Patient/" + participant.id();
        assertThat(total(base)).isEqualTo(2);
        assertThat(total(base + "&date=ge2026-10-31T15:00:00Z")).isEqualTo(1);
        assertThat(total(base + "&date=lt2026-10-31T15:00:00Z")).isEqualTo(1);
        assertThat(total(base + "&date=ge2026-08-31T15:00:00Z&date=lt2026-11-30T15:00:00Z")).isEqualTo(2);
        assertThat(total(base + "&code=" + JLAC10 + "|" + HBA1C)).isEqualTo(1);
        assertThat(total(base + "&author-facility=Organization/" + hospital)).isEqualTo(1);
        assertThat(total(base + "&author-facility=Organization/" + other)).isZero();
    }

    @Test
    @DisplayName("DOC-02 a Binary posted on its own is stored for the participant its securityContext names, read back only where permitted; without one nothing is stored")
    void binaryPostedOnItsOwn() {
        byte[] bytes = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var binary = new Binary();
        binary.setContentType("application/pdf");
        binary.setSecurityContext(new Reference("Patient/" + participant.id()));
        binary.setData(bytes);
        String body = fhir.newJsonParser().encodeResourceToString(binary);

        ResponseEntity<String> created = post(clinicNurse, "/fhir/Binary", body);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String id = new IdType(created.getHeaders().getLocation().toString()).getIdPart();
        Binary read = parse(Binary.class, get(hospitalNurse, "/fhir/Binary/{id}", id), 200);
        assertThat(read.getData()).isEqualTo(bytes);
        assertThat(read.getContentType()).isEqualTo("application/pdf");
        assertThat(get(otherNurse, "/fhir/Binary/{id}", id).getStatusCode().value()).isEqualTo(404);

        long before = records();
        binary.setSecurityContext(null);
        assertThat(post(clinicNurse, "/fhir/Binary", fhir.newJsonParser().encodeResourceToString(binary))
                .getStatusCode().value()).isEqualTo(400);
        binary.setSecurityContext(new Reference("Patient/" + participant.id()));
        assertThat(post(otherNurse, "/fhir/Binary", fhir.newJsonParser().encodeResourceToString(binary))
                .getStatusCode().value()).isEqualTo(422);
        assertThat(records()).isEqualTo(before);
    }

    @Test
    @DisplayName("DOC-06 a search date without a time is that day, month or year in Japan, whatever the server's time zone")
    void datesWithoutTimeAreJapaneseDays() {
        var earlyMorning = hba1c("6.2");
        earlyMorning.setEffective(new DateTimeType("2026-10-02T01:00:00+09:00"));
        post(clinicNurse, "/fhir/Observation", earlyMorning);

        String base = "/fhir/Observation?patient=Patient/" + participant.id();
        assertThat(total(base + "&date=2026-10-02")).isEqualTo(1);
        assertThat(total(base + "&date=2026-10-01")).isZero();
        assertThat(total(base + "&date=lt2026-10-02")).isZero();
        assertThat(total(base + "&date=ge2026-10-02")).isEqualTo(1);
        assertThat(total(base + "&date=2026-10")).isEqualTo(1);
        assertThat(total(base + "&date=2026")).isEqualTo(1);
    }

    @Test
    @DisplayName("INT-01 reads and searches answered from the stored JSON mean the same as HAPI's own encoding (asked for with _format), headers included")
    void storedJsonAnswersLikeHapi() throws Exception {
        String rx = id(post(clinicNurse, "/fhir/MedicationRequest", prescription()));
        String dispensed = id(post(clinicNurse, "/fhir/MedicationDispense", dispense("MedicationRequest/" + rx)));
        String observation = id(post(clinicNurse, "/fhir/Observation", hba1c("6.4")));
        put(clinicNurse, "/fhir/Observation/" + observation, fhir.newJsonParser().encodeResourceToString(
                hba1c("6.5").setId(observation)));

        for (String path : List.of("/fhir/Observation/" + observation, "/fhir/Observation/" + observation
                + "/_history/1", "/fhir/MedicationDispense/" + dispensed)) {
            ResponseEntity<String> stored = get(hospitalNurse, path);
            ResponseEntity<String> encoded = get(hospitalNurse, path + "?_format=json");
            assertThat(stored.getStatusCode().value()).as(stored.getBody()).isEqualTo(200);
            assertThat(json(stored)).as(path).isEqualTo(json(encoded));
            assertThat(stored.getHeaders().getETag()).isEqualTo(encoded.getHeaders().getETag()).isNotNull();
            assertThat(stored.getHeaders().getLastModified()).isEqualTo(encoded.getHeaders().getLastModified());
            assertThat(stored.getHeaders().getContentType()).isEqualTo(encoded.getHeaders().getContentType());
            assertThat(stored.getHeaders().getFirst("Content-Location"))
                    .isEqualTo(encoded.getHeaders().getFirst("Content-Location")).isNotNull();
        }
        for (String search : List.of("/fhir/Observation?patient=Patient/" + participant.id(),
                "/fhir/MedicationDispense?patient=Patient/" + participant.id()
                        + "&_include=MedicationDispense:prescription")) {
            JsonNode stored = json(get(hospitalNurse, search));
            JsonNode encoded = json(get(hospitalNurse, search + "&_format=json"));
            assertThat(stored.path("total").asInt()).isPositive();
            assertThat(stored.get("entry")).as(search).isEqualTo(encoded.get("entry"));
            assertThat(stored.get("total")).isEqualTo(encoded.get("total"));
            assertThat(stored.get("type")).isEqualTo(encoded.get("type"));
        }
        // a participant the facility may not see: the same empty answer either way
        JsonNode none = json(get(otherNurse, "/fhir/Observation?patient=Patient/" + participant.id()));
        assertThat(none.path("total").asInt()).isZero();
        assertThat(none.has("entry")).isFalse();
        assertThat(get(otherNurse, "/fhir/Observation/" + observation).getStatusCode().value()).isEqualTo(404);
    }

    private static JsonNode json(ResponseEntity<String> response) throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(response.getBody());
        return tree;
    }

    private int total(String url) {
        return parse(Bundle.class, get(hospitalNurse, url), 200).getTotal();
    }
}

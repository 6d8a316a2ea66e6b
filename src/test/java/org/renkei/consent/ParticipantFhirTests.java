package org.renkei.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.renkei.consent.TestConsent.OPERATOR;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestHttps;
import org.renkei.TestLogins;
import org.renkei.TestRegion;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Actor;
import org.renkei.identity.NetworkCardAuthority;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * FHIR {@code Patient} and {@code Consent} over HTTPS, as the network's users call them: staff with their user
 * card (client certificate on every request), the operator with a logged-in session.
 */
@RenkeiTest
class ParticipantFhirTests {

    private static final String REPRESENTATION = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation";
    private static final String CARD = "urn:renkei:id:participant-card";
    private static final String JP_PATIENT_ID = "urn:oid:1.2.392.100495.20.3.51.1";
    private static final char[] CARD_PASSWORD = "Fhir-card-1!".toCharArray();

    @LocalServerPort int port;
    @Autowired FhirContext fhir;
    @Autowired ConsentDesk desk;
    @Autowired ParticipantDirectory directory;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired StaffRegistry staff;
    @Autowired NetworkCardAuthority cards;

    TestConsent consent;
    TestRestTemplate http;
    FacilityId clinic;
    FacilityId hospital;
    FacilityId other;
    TestRestTemplate clinicClerk;
    TestRestTemplate otherClerk;

    @BeforeEach
    void setUp() {
        consent = new TestConsent(facilities, filings, staff, desk, directory);
        http = TestHttps.template(port);
        clinic = consent.activeClinic("FHIR参加者クリニック");
        hospital = consent.activeHospital("FHIR参加者病院");
        other = consent.activeHospital("FHIR無関係病院");
        clinicClerk = withCard(consent.clerkAt(clinic));
        otherClerk = withCard(consent.clerkAt(other));
    }

    /** An HTTPS client presenting the user's network card, issued by the network's CA as the operator would. */
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

    private ResponseEntity<String> asOperator(String url, Object... variables) {
        return http.exchange(url, HttpMethod.GET, TestLogins.operatorRequest(http.getRootUri()), String.class,
                variables);
    }

    private static ResponseEntity<String> get(TestRestTemplate client, String url, Object... variables) {
        return client.getForEntity(url, String.class, variables);
    }

    private <T extends Resource> T read(Class<T> type, ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return fhir.newJsonParser().parseResource(type, response.getBody());
    }

    private <T extends Resource> List<T> entries(Class<T> type, ResponseEntity<String> response) {
        Bundle bundle = read(Bundle.class, response);
        assertThat(bundle.getTotal()).isEqualTo(bundle.getEntry().size());
        return bundle.getEntry().stream().map(e -> type.cast(e.getResource())).toList();
    }

    private List<String> ids(List<? extends Resource> resources) {
        return resources.stream().map(r -> r.getIdElement().getIdPart()).toList();
    }

    private OperationOutcome.OperationOutcomeIssueComponent refused(int status, ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        return fhir.newJsonParser().parseResource(OperationOutcome.class, response.getBody()).getIssueFirstRep();
    }

    private static String messageKey(OperationOutcome.OperationOutcomeIssueComponent issue) {
        return issue.getDetails().getCodingFirstRep().getCode();
    }

    private static List<String> identifiers(Patient patient) {
        return patient.getIdentifier().stream().map(i -> i.getSystem() + "|" + i.getValue()).toList();
    }

    private String patientNumberSystem(FacilityId facility) {
        return JP_PATIENT_ID + facilities.get(facility).code();
    }

    private static String representation(HumanName name) {
        return ((CodeType) name.getExtensionByUrl(REPRESENTATION).getValue()).getValue();
    }

    @Test
    @DisplayName("INT-01 PAR-05 CON-02 a permitted clinic reads the participant as a JP Core Patient: kanji and kana names, the card number and only its own patient number")
    void permittedClinicReadsPatient() {
        PatientDetails d = TestConsent.patient();
        FormEntry form = TestConsent.newForm(d, clinic, clinic, hospital);
        ParticipantId id = desk.register(desk.enter(form, OPERATOR), OPERATOR);
        Participant participant = consent.participant(id);
        String atClinic = form.listed().get(0).patientNumber();
        String atHospital = form.listed().get(1).patientNumber();

        Patient patient = read(Patient.class, get(clinicClerk, "/fhir/Patient/{id}", id));

        assertThat(patient.getIdElement().getIdPart()).isEqualTo(id.toString());
        assertThat(patient.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient");
        assertThat(patient.getActive()).isTrue();
        assertThat(patient.getName()).hasSize(2);
        assertThat(patient.getName().get(0).getFamily()).isEqualTo("熊本");
        assertThat(patient.getName().get(0).getGivenAsSingleString()).isEqualTo("花子");
        assertThat(representation(patient.getName().get(0))).isEqualTo("IDE");
        assertThat(patient.getName().get(1).getFamily()).isEqualTo(d.familyNameKana());
        assertThat(patient.getName().get(1).getGivenAsSingleString()).isEqualTo("ハナコ");
        assertThat(representation(patient.getName().get(1))).isEqualTo("SYL");
        assertThat(patient.getGender().toCode()).isEqualTo("female");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1950-04-01");
        assertThat(patient.getTelecomFirstRep().getValue()).isEqualTo("096-111-2222");
        assertThat(patient.getAddressFirstRep().getText()).isEqualTo("熊本県熊本市中央区千葉城町1-1");
        assertThat(patient.getAddressFirstRep().getPostalCode()).isEqualTo("860-0001");
        assertThat(identifiers(patient)).containsExactlyInAnyOrder(CARD + "|" + participant.cardNumber(),
                patientNumberSystem(clinic) + "|" + atClinic);
        Identifier own = patient.getIdentifier().stream().filter(i -> i.getValue().equals(atClinic)).findFirst()
                .orElseThrow();
        assertThat(own.getAssigner().getReference()).isEqualTo("Organization/" + clinic);
        assertThat(own.getType().getCodingFirstRep().getCode()).isEqualTo("MR");

        Patient seenByOperator = read(Patient.class, asOperator("/fhir/Patient/{id}", id));
        assertThat(identifiers(seenByOperator)).containsExactlyInAnyOrder(CARD + "|" + participant.cardNumber(),
                patientNumberSystem(clinic) + "|" + atClinic, patientNumberSystem(hospital) + "|" + atHospital);
    }

    @Test
    @DisplayName("INT-01 CON-02 a permitted clinic reads the participant's Consent: active, patient-privacy, opt-in, its own facility as recipient")
    void permittedClinicReadsConsent() {
        Participant p = consent.join(TestConsent.patient(), clinic, clinic, hospital);
        var registered = directory.history(OPERATOR, p.id()).get(0).at();

        Consent c = read(Consent.class, get(clinicClerk, "/fhir/Consent/{id}", p.id()));

        assertThat(c.getIdElement().getIdPart()).isEqualTo(p.id().toString());
        assertThat(c.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(c.getScope().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/consentscope");
        assertThat(c.getScope().getCodingFirstRep().getCode()).isEqualTo("patient-privacy");
        assertThat(c.getCategoryFirstRep().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(c.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("59284-0");
        assertThat(c.getPolicyRule().getCodingFirstRep().getCode()).isEqualTo("OPTIN");
        assertThat(c.getPatient().getReference()).isEqualTo("Patient/" + p.id());
        assertThat(c.getDateTime().toInstant().getEpochSecond()).isEqualTo(registered.getEpochSecond());
        assertThat(c.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);
        assertThat(c.getProvision().getPeriod().getStartElement().getValueAsString())
                .isEqualTo(TestRegion.today().toString());
        assertThat(c.getProvision().getActor()).singleElement().satisfies(actor -> {
            assertThat(actor.getReference().getReference()).isEqualTo("Organization/" + clinic);
            assertThat(actor.getReference().getDisplay()).isEqualTo("FHIR参加者クリニック");
            assertThat(actor.getRole().getCodingFirstRep().getSystem())
                    .isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ParticipationType");
            assertThat(actor.getRole().getCodingFirstRep().getCode()).isEqualTo("IRCP");
        });
        assertThat(c.getProvision().getProvision()).isEmpty();

        assertThat(ids(entries(Consent.class, get(clinicClerk, "/fhir/Consent?patient=Patient/{id}", p.id()))))
                .containsExactly(p.id().toString());
        assertThat(ids(entries(Consent.class, get(clinicClerk, "/fhir/Consent?patient={id}", p.id()))))
                .containsExactly(p.id().toString());
    }

    @Test
    @DisplayName("CON-01 CON-02 a facility the participant did not permit gets 404 as for no participant, and empty searches with total 0")
    void unpermittedFacilitySeesNothing() {
        PatientDetails d = TestConsent.patient();
        Participant p = consent.join(d, clinic, clinic, hospital);

        var unpermitted = refused(404, get(otherClerk, "/fhir/Patient/{id}", p.id()));
        UUID nobody = UUID.randomUUID();
        var unknown = refused(404, get(otherClerk, "/fhir/Patient/{id}", nobody));
        assertThat(unpermitted.getCode()).isEqualTo(unknown.getCode());
        assertThat(unpermitted.getDiagnostics().replace(p.id().toString(), "X"))
                .isEqualTo(unknown.getDiagnostics().replace(nobody.toString(), "X"));
        refused(404, get(otherClerk, "/fhir/Consent/{id}", p.id()));
        refused(404, get(otherClerk, "/fhir/Patient/{id}", "not-a-participant"));

        for (ResponseEntity<String> search : List.of(
                get(otherClerk, "/fhir/Patient?name={n}&birthdate={b}", d.familyNameKana(), d.birthDate()),
                get(otherClerk, "/fhir/Patient?family={n}&birthdate={b}", "熊本", d.birthDate()),
                get(otherClerk, "/fhir/Patient?identifier={i}", CARD + "|" + p.cardNumber()),
                get(otherClerk, "/fhir/Patient?identifier={i}", p.cardNumber()),
                get(otherClerk, "/fhir/Consent?patient=Patient/{id}", p.id()))) {
            Bundle bundle = read(Bundle.class, search);
            assertThat(bundle.getTotal()).isZero();
            assertThat(bundle.getEntry()).isEmpty();
        }
    }

    @Test
    @DisplayName("CON-02 PAR-05 Bundle.total counts only the participants the caller may see")
    void totalCountsOnlyPermitted() {
        PatientDetails d = TestConsent.patient();
        Participant atClinic = consent.join(d, clinic, clinic);
        Participant atHospitalOnly = consent.join(d, hospital, hospital);

        assertThat(ids(entries(Patient.class,
                get(clinicClerk, "/fhir/Patient?name={n}&birthdate={b}", d.familyNameKana(), d.birthDate()))))
                .containsExactly(atClinic.id().toString());
        assertThat(ids(entries(Patient.class,
                asOperator("/fhir/Patient?name={n}&birthdate={b}", d.familyNameKana(), d.birthDate()))))
                .containsExactlyInAnyOrder(atClinic.id().toString(), atHospitalOnly.id().toString());
        assertThat(ids(entries(Patient.class, asOperator("/fhir/Patient?name={n}&gender=female", d.familyNameKana()))))
                .hasSize(2);
        assertThat(entries(Patient.class, asOperator("/fhir/Patient?name={n}&gender=male", d.familyNameKana())))
                .isEmpty();
    }

    @Test
    @DisplayName("CON-06 after a withdrawal staff get 404; the operator sees the Patient inactive and the Consent inactive")
    void withdrawal() {
        PatientDetails d = TestConsent.patient();
        Participant p = consent.join(d, clinic, clinic, hospital);
        assertThat(read(Patient.class, get(clinicClerk, "/fhir/Patient/{id}", p.id())).getActive()).isTrue();

        consent.file(FormKind.WITHDRAWAL, p, clinic);

        refused(404, get(clinicClerk, "/fhir/Patient/{id}", p.id()));
        refused(404, get(clinicClerk, "/fhir/Consent/{id}", p.id()));
        assertThat(read(Bundle.class, get(clinicClerk, "/fhir/Patient?identifier={i}", p.cardNumber())).getTotal())
                .isZero();
        assertThat(read(Bundle.class, get(clinicClerk, "/fhir/Patient?name={n}&birthdate={b}", d.familyNameKana(),
                d.birthDate())).getTotal()).isZero();

        assertThat(read(Patient.class, asOperator("/fhir/Patient/{id}", p.id())).getActive()).isFalse();
        Consent c = read(Consent.class, asOperator("/fhir/Consent/{id}", p.id()));
        assertThat(c.getStatus()).isEqualTo(Consent.ConsentState.INACTIVE);
        assertThat(c.getProvision().getPeriod().getEndElement().getValueAsString())
                .isEqualTo(TestRegion.today().toString());
        assertThat(c.getDateTime().toInstant().getEpochSecond())
                .isEqualTo(directory.history(OPERATOR, p.id()).get(0).at().getEpochSecond());
    }

    @Test
    @DisplayName("CON-03 CON-05 the operator's Consent names the do-not-share facility in a deny provision; staff of a permitted facility see only their own")
    void denyProvision() {
        Participant p = consent.join(TestConsent.patient(), clinic, clinic, hospital);
        consent.file(FormKind.CHANGE, p, clinic, new ListedFacility(hospital, null, Listing.DENY));

        Consent c = read(Consent.class, asOperator("/fhir/Consent/{id}", p.id()));
        assertThat(c.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(c.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);
        assertThat(c.getProvision().getActor()).extracting(a -> a.getReference().getReference())
                .containsExactlyInAnyOrder("Organization/" + clinic, "Organization/" + hospital);
        assertThat(c.getProvision().getProvision()).singleElement().satisfies(deny -> {
            assertThat(deny.getType()).isEqualTo(Consent.ConsentProvisionType.DENY);
            assertThat(deny.getActor()).extracting(a -> a.getReference().getReference())
                    .containsExactly("Organization/" + hospital);
            assertThat(deny.getActorFirstRep().getRole().getCodingFirstRep().getCode()).isEqualTo("IRCP");
        });

        Consent seenByClinic = read(Consent.class, get(clinicClerk, "/fhir/Consent/{id}", p.id()));
        assertThat(seenByClinic.getProvision().getActor()).extracting(a -> a.getReference().getReference())
                .containsExactly("Organization/" + clinic);
        assertThat(seenByClinic.getProvision().getProvision()).isEmpty();

        TestRestTemplate hospitalClerk = withCard(consent.clerkAt(hospital));
        refused(404, get(hospitalClerk, "/fhir/Consent/{id}", p.id()));
        refused(404, get(hospitalClerk, "/fhir/Patient/{id}", p.id()));
    }

    @Test
    @DisplayName("PAR-03 PAR-05 Patient search by identifier: the card number, and the clinic's own patient number; another facility's numbers find nothing for staff")
    void searchByIdentifier() {
        PatientDetails d = TestConsent.patient();
        FormEntry form = TestConsent.newForm(d, clinic, clinic, hospital);
        ParticipantId id = desk.register(desk.enter(form, OPERATOR), OPERATOR);
        String card = consent.participant(id).cardNumber();
        String atClinic = form.listed().get(0).patientNumber();
        String atHospital = form.listed().get(1).patientNumber();

        for (String identifier : List.of(CARD + "|" + card, card, CardNumbers.display(card),
                patientNumberSystem(clinic) + "|" + atClinic, atClinic)) {
            assertThat(ids(entries(Patient.class, get(clinicClerk, "/fhir/Patient?identifier={i}", identifier))))
                    .as(identifier).containsExactly(id.toString());
        }
        assertThat(ids(entries(Patient.class, get(clinicClerk, "/fhir/Patient?identifier={i}&birthdate={b}",
                card, d.birthDate())))).containsExactly(id.toString());
        assertThat(entries(Patient.class, get(clinicClerk, "/fhir/Patient?identifier={i}&birthdate={b}",
                card, d.birthDate().plusDays(1)))).isEmpty();
        assertThat(entries(Patient.class, get(clinicClerk, "/fhir/Patient?identifier={i}",
                patientNumberSystem(hospital) + "|" + atHospital))).isEmpty();
        assertThat(entries(Patient.class, get(clinicClerk, "/fhir/Patient?identifier={i}", atHospital))).isEmpty();
        assertThat(entries(Patient.class, get(clinicClerk, "/fhir/Patient?identifier={i}",
                "urn:example:unknown|" + atClinic))).isEmpty();

        assertThat(ids(entries(Patient.class, asOperator("/fhir/Patient?identifier={i}",
                patientNumberSystem(hospital) + "|" + atHospital)))).containsExactly(id.toString());
        assertThat(ids(entries(Patient.class, asOperator("/fhir/Patient?identifier={i}", card))))
                .containsExactly(id.toString());

        consent.file(FormKind.CARD_REISSUE, consent.participant(id), clinic);
        assertThat(entries(Patient.class, get(clinicClerk, "/fhir/Patient?identifier={i}", CARD + "|" + card)))
                .isEmpty();
        assertThat(ids(entries(Patient.class, get(clinicClerk, "/fhir/Patient?identifier={i}",
                CARD + "|" + consent.participant(id).cardNumber())))).containsExactly(id.toString());
    }

    @Test
    @DisplayName("INT-01 PAR-05 bad searches are 400 with an OperationOutcome: staff give a name only with the birth date")
    void badSearches() {
        assertThat(messageKey(refused(400, get(clinicClerk, "/fhir/Patient?name={n}", "熊本"))))
                .isEqualTo("consent.search.nameAndBirthDate");
        assertThat(messageKey(refused(400, get(clinicClerk, "/fhir/Patient?birthdate=1950-04-01"))))
                .isEqualTo("consent.search.nameAndBirthDate");
        var none = refused(400, get(clinicClerk, "/fhir/Patient"));
        assertThat(messageKey(none)).isEqualTo("consent.fhir.patient.criteria");
        assertThat(none.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(none.getDiagnostics()).contains("birthdate");
        assertThat(messageKey(refused(400, get(clinicClerk, "/fhir/Patient?gender=female"))))
                .isEqualTo("consent.fhir.patient.criteria");
        assertThat(messageKey(refused(400, get(clinicClerk, "/fhir/Patient?name={n}&birthdate=1950", "熊本"))))
                .isEqualTo("consent.fhir.birthdate.day");
        assertThat(messageKey(refused(400, get(clinicClerk, "/fhir/Patient?name={n}&birthdate=gt1950-04-01",
                "熊本")))).isEqualTo("consent.fhir.birthdate.day");
        assertThat(messageKey(refused(400, get(clinicClerk, "/fhir/Patient?name={n}&birthdate=1950-04-01&gender=x",
                "熊本")))).isEqualTo("consent.fhir.gender.invalid");
        String wrongCheckDigit = "12345678901" + (CardNumbers.checkDigit("12345678901") + 1) % 10;
        assertThat(messageKey(refused(400, get(clinicClerk, "/fhir/Patient?identifier={i}", CARD + "|" + wrongCheckDigit))))
                .isEqualTo("consent.card.checkDigit");
        assertThat(messageKey(refused(400, get(clinicClerk, "/fhir/Consent"))))
                .isEqualTo("consent.fhir.consent.patient");
        refused(400, get(clinicClerk, "/fhir/Patient?unknown=1"));

        assertThat(messageKey(refused(400, asOperator("/fhir/Patient")))).isEqualTo("consent.fhir.patient.criteria");
        assertThat(read(Bundle.class, asOperator("/fhir/Patient?birthdate=1950-04-01"))).isNotNull();
    }
}

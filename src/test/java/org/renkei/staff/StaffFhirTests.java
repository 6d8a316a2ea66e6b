package org.renkei.staff;

import org.renkei.identity.Profession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.renkei.staff.TestFacilities.OPERATOR;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestHttps;
import org.renkei.TestLogins;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Actor;
import org.renkei.identity.LoginAccounts;
import org.renkei.platform.time.JapanTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

@RenkeiTest
class StaffFhirTests {

    private static final String REPRESENTATION = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation";

    @LocalServerPort
    int port;

    TestRestTemplate http;

    @Autowired
    FhirContext fhir;

    @Autowired
    StaffRegistry registry;

    @Autowired
    FacilityRegistry facilityRegistry;

    @Autowired
    FilingDesk desk;

    @Autowired
    LoginAccounts accounts;

    TestFacilities facilities;
    LocalDate today;

    @BeforeEach
    void setUp() {
        http = TestHttps.template(port);
        facilities = new TestFacilities(facilityRegistry, desk);
        today = LocalDate.now(JapanTime.ZONE);
    }

    private StaffId activeUser(FacilityId facility, String family, String familyKana, Profession profession) {
        StaffId id = registry.applyToAdd(facility,
                new NewStaff(family, "太郎", familyKana, "タロウ", profession, "taro@example.jp"),
                today.minusDays(15), today, OPERATOR);
        desk.accept(desk.ofStaff(id.value()).get(0).id(), OPERATOR);
        return id;
    }

    private ResponseEntity<String> get(String url, Object... variables) {
        return http.exchange(url, HttpMethod.GET, TestLogins.operatorRequest(http.getRootUri()), String.class,
                variables);
    }

    private <T extends Resource> T read(Class<T> type, ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return fhir.newJsonParser().parseResource(type, response.getBody());
    }

    private <T extends Resource> List<T> entries(Class<T> type, ResponseEntity<String> response) {
        return read(Bundle.class, response).getEntry().stream().map(e -> type.cast(e.getResource())).toList();
    }

    private static String representation(HumanName name) {
        return ((CodeType) name.getExtensionByUrl(REPRESENTATION).getValue()).getValue();
    }

    @Test
    @DisplayName("INT-01 a user reads as a JP Core Practitioner: name in kanji and in kana, active while active")
    void readPractitioner() {
        FacilityId facility = facilities.activeHospital("FHIR読取テスト病院");
        String kana = TestFacilities.uniqueKana();
        StaffId id = activeUser(facility, "肥後", kana, Profession.DOCTOR);

        Practitioner practitioner = read(Practitioner.class, get("/fhir/Practitioner/{id}", id));

        assertThat(practitioner.getIdElement().getIdPart()).isEqualTo(id.toString());
        assertThat(practitioner.getActive()).isTrue();
        assertThat(practitioner.getName()).hasSize(2);
        HumanName kanji = practitioner.getName().get(0);
        assertThat(kanji.getFamily()).isEqualTo("肥後");
        assertThat(kanji.getGivenAsSingleString()).isEqualTo("太郎");
        assertThat(representation(kanji)).isEqualTo("IDE");
        HumanName reading = practitioner.getName().get(1);
        assertThat(reading.getFamily()).isEqualTo(kana);
        assertThat(reading.getGivenAsSingleString()).isEqualTo("タロウ");
        assertThat(representation(reading)).isEqualTo("SYL");
        assertThat(practitioner.getTelecomFirstRep().getValue()).isEqualTo("taro@example.jp");

        registry.suspend(id, "確認中", OPERATOR);
        assertThat(read(Practitioner.class, get("/fhir/Practitioner/{id}", id)).getActive()).isFalse();
    }

    @Test
    @DisplayName("INT-01 Practitioner search by name matches kanji or kana, in part, and by _id")
    void searchPractitioner() {
        FacilityId facility = facilities.activeHospital("FHIR検索テスト病院");
        String kana = TestFacilities.uniqueKana();
        String family = "検索" + UUID.randomUUID().toString().substring(0, 6);
        StaffId id = activeUser(facility, family, kana, Profession.PHARMACIST);
        StaffId other = activeUser(facility, "別人", TestFacilities.uniqueKana(), Profession.NURSE);

        assertThat(entries(Practitioner.class, get("/fhir/Practitioner?name={n}", kana.substring(1, 5))))
                .extracting(p -> p.getIdElement().getIdPart()).contains(id.toString())
                .doesNotContain(other.toString());
        assertThat(entries(Practitioner.class, get("/fhir/Practitioner?name={n}", family)))
                .extracting(p -> p.getIdElement().getIdPart()).containsExactly(id.toString());
        assertThat(entries(Practitioner.class, get("/fhir/Practitioner?name={n}", family + " 太郎")))
                .extracting(p -> p.getIdElement().getIdPart()).containsExactly(id.toString());
        assertThat(entries(Practitioner.class, get("/fhir/Practitioner?name={n}", kana + "タロウ")))
                .extracting(p -> p.getIdElement().getIdPart()).containsExactly(id.toString());
        assertThat(entries(Practitioner.class, get("/fhir/Practitioner?_id={id}", id)))
                .extracting(p -> p.getIdElement().getIdPart()).containsExactly(id.toString());
        assertThat(entries(Practitioner.class, get("/fhir/Practitioner?_id={id}&name={n}", id, "別人"))).isEmpty();
        assertThat(entries(Practitioner.class, get("/fhir/Practitioner?_id={id}", "not-a-uuid"))).isEmpty();
    }

    @Test
    @DisplayName("INT-01 a user's PractitionerRole names the facility's Organization and the profession")
    void readPractitionerRole() {
        FacilityId facility = facilities.activeHospital("FHIR役割テスト病院");
        StaffId id = activeUser(facility, "役割", TestFacilities.uniqueKana(), Profession.CARE_MANAGER);

        PractitionerRole role = read(PractitionerRole.class, get("/fhir/PractitionerRole/{id}", id));

        assertThat(role.getIdElement().getIdPart()).isEqualTo(id.toString());
        assertThat(role.getActive()).isTrue();
        assertThat(role.getPractitioner().getReference()).isEqualTo("Practitioner/" + id);
        assertThat(role.getOrganization().getReference()).isEqualTo("Organization/" + facility);
        var coding = role.getCodeFirstRep().getCodingFirstRep();
        assertThat(coding.getSystem()).isEqualTo("urn:renkei:profession");
        assertThat(coding.getCode()).isEqualTo("CARE_MANAGER");
        assertThat(coding.getDisplay()).isEqualTo("介護支援専門員");
        assertThat(role.getPeriod().getStartElement().getValueAsString()).isEqualTo(today.toString());
    }

    @Test
    @DisplayName("INT-01 PractitionerRole search by organization and by practitioner")
    void searchPractitionerRole() {
        FacilityId facility = facilities.activeHospital("FHIR施設別テスト病院");
        FacilityId other = facilities.activeHospital("FHIR他施設テスト病院");
        StaffId doctor = activeUser(facility, "医師", TestFacilities.uniqueKana(), Profession.DOCTOR);
        StaffId clerk = activeUser(facility, "事務", TestFacilities.uniqueKana(), Profession.CLERK);
        StaffId elsewhere = activeUser(other, "他院", TestFacilities.uniqueKana(), Profession.DENTIST);

        assertThat(entries(PractitionerRole.class, get("/fhir/PractitionerRole?organization=Organization/{f}",
                facility))).extracting(r -> r.getIdElement().getIdPart())
                .containsExactlyInAnyOrder(doctor.toString(), clerk.toString());
        assertThat(entries(PractitionerRole.class, get("/fhir/PractitionerRole?organization={f}", other)))
                .extracting(r -> r.getIdElement().getIdPart()).containsExactly(elsewhere.toString());
        assertThat(entries(PractitionerRole.class, get("/fhir/PractitionerRole?practitioner=Practitioner/{p}",
                clerk))).extracting(r -> r.getCodeFirstRep().getCodingFirstRep().getCode())
                .containsExactly("CLERK");
        assertThat(entries(PractitionerRole.class,
                get("/fhir/PractitionerRole?practitioner={p}&organization={f}", elsewhere, facility))).isEmpty();
    }

    @Test
    @DisplayName("INT-01 an unknown user is a 404 with an OperationOutcome; only the operator may read users")
    void unknownAndForbidden() {
        for (String path : List.of("/fhir/Practitioner/{id}", "/fhir/PractitionerRole/{id}")) {
            ResponseEntity<String> unknown = get(path, UUID.randomUUID());
            assertThat(unknown.getStatusCode().value()).isEqualTo(404);
            assertThat(fhir.newJsonParser().parseResource(unknown.getBody())).isInstanceOf(OperationOutcome.class);
            assertThat(get(path, "not-a-uuid").getStatusCode().value()).isEqualTo(404);
        }

        FacilityId facility = facilities.activeHospital("FHIR権限テスト病院");
        StaffId id = activeUser(facility, "権限", TestFacilities.uniqueKana(), Profession.NURSE);
        String username = "fhir-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "管理責任者", "Test-admin-1!", Actor.AccountKind.FACILITY_ADMINISTRATOR,
                facility.value());

        assertThat(http.getForEntity("/fhir/Practitioner/{id}", String.class, id).getStatusCode().value())
                .isEqualTo(401);
        assertThat(http.withBasicAuth(username, "Test-admin-1!")
                .getForEntity("/fhir/Practitioner/{id}", String.class, id).getStatusCode().value()).isEqualTo(403);
    }
}

package org.renkei.facility;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestHttps;
import org.renkei.TestLogins;
import org.renkei.TestRegion;
import org.renkei.filing.FilingDesk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

@RenkeiTest
class OrganizationProviderTests {

    @LocalServerPort int port;
    TestRestTemplate http;
    @Autowired FacilityRegistry registry;
    @Autowired FilingDesk filings;
    @Autowired FhirContext fhir;

    @BeforeEach
    void https() {
        http = TestHttps.template(port);
    }

    @Test
    @DisplayName("INT-01 FAC-01 a facility reads as a FHIR Organization identified by its medical institution code")
    void readOrganization() {
        FacilityId id = TestRegion.active(registry, filings, FacilityKind.HOSPITAL, "FHIR総合病院");
        String code = registry.get(id).code();

        var response = asOperator("/fhir/Organization/" + id);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Organization o = fhir.newJsonParser().parseResource(Organization.class, response.getBody());
        assertThat(o.getName()).isEqualTo("FHIR総合病院");
        assertThat(o.getActive()).isTrue();
        assertThat(o.getIdentifierFirstRep().getSystem())
                .isEqualTo("http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no");
        assertThat(o.getIdentifierFirstRep().getValue()).isEqualTo(code);
        assertThat(o.getTypeFirstRep().getCodingFirstRep().getDisplay()).isEqualTo("病院");
        assertThat(o.getContact()).extracting(c -> c.getName().getText()).contains("管理 花子", "連絡 次郎");
    }

    @Test
    @DisplayName("INT-01 Organizations are searched by identifier; an unknown id is a 404 OperationOutcome")
    void searchAndNotFound() {
        FacilityId id = TestRegion.active(registry, filings, FacilityKind.PHARMACY, "FHIR検索薬局");
        String code = registry.get(id).code();

        var found = asOperator("/fhir/Organization?identifier="
                + "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no|" + code);
        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, found.getBody());
        assertThat(bundle.getEntry()).hasSize(1);
        assertThat(((Organization) bundle.getEntryFirstRep().getResource()).getName()).isEqualTo("FHIR検索薬局");

        var missing = asOperator("/fhir/Organization/00000000-0000-0000-0000-000000000000");
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody()).contains("OperationOutcome");
    }

    @Test
    @DisplayName("INT-01 the FHIR registry answers only to logged-in operator staff")
    void needsOperator() {
        assertThat(http.getForEntity("/fhir/Organization", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("operator", "wrong").getForEntity("/fhir/Organization", String.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    private ResponseEntity<String> asOperator(String url) {
        return http.exchange(url, HttpMethod.GET, TestLogins.operatorRequest(http.getRootUri()), String.class);
    }
}

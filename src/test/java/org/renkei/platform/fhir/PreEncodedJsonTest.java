package org.renkei.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PreEncodedJsonTest {

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final PreEncodedJson preEncoded = new PreEncodedJson(fhir);

    private Resource observation(String id, String value) {
        var observation = new Observation();
        observation.setId("Observation/" + id + "/_history/2");
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().addCoding().setSystem("urn:oid:1.2.392.200119.4.504").setCode("3D046000001920402")
                .setDisplay("HbA1c（NGSP）");
        observation.setValue(new Quantity().setValue(6.4).setUnit("%"));
        observation.getMeta().setLastUpdated(new Date(1_790_000_000_123L));
        return PreEncodedJson.attach(observation, fhir.newJsonParser().encodeResourceToString(observation));
    }

    private Bundle searchAnswer() {
        var bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(42);
        bundle.setId("0b6b2d1e-7d1c-4d7e-9f51-2c0f2b6f4a10");
        bundle.getMeta().setLastUpdated(new Date(1_790_000_100_456L));
        bundle.addLink().setRelation("self").setUrl("https://renkei.example/fhir/Observation?patient=Patient/p&_count=2&code:text=\"ヘモグロビン\"\\x");
        bundle.addLink().setRelation("next").setUrl("https://renkei.example/fhir?_getpages=x&_getpagesoffset=2&_count=2&_bundletype=searchset");
        bundle.addEntry().setFullUrl("https://renkei.example/fhir/Observation/a").setResource(observation("a", "6.4"))
                .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        bundle.addEntry().setFullUrl("https://renkei.example/fhir/Observation/b").setResource(observation("b", "6.5"))
                .getSearch().setMode(Bundle.SearchEntryMode.INCLUDE);
        return bundle;
    }

    @Test
    @DisplayName("INT-01 a search answer written around the records' JSON is byte for byte HAPI's compact encoding")
    void searchAnswerAsHapiEncodesIt() {
        Bundle bundle = searchAnswer();
        String hapi = fhir.newJsonParser().encodeResourceToString(bundle);
        assertThat(new String(preEncoded.bundle(bundle), StandardCharsets.UTF_8)).isEqualTo(hapi);

        var empty = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(0);
        empty.setId("e");
        empty.getMeta().setLastUpdated(new Date(1_790_000_100_000L));
        empty.addLink().setRelation("self").setUrl("https://renkei.example/fhir/Observation?patient=Patient/q");
        assertThat(new String(preEncoded.bundle(empty), StandardCharsets.UTF_8))
                .isEqualTo(fhir.newJsonParser().encodeResourceToString(empty));
    }

    @Test
    @DisplayName("INT-01 a Bundle with anything more than a search answer's elements is encoded by HAPI around the records' JSON")
    void otherBundlesThroughHapi() {
        Bundle bundle = searchAnswer();
        bundle.getEntryFirstRep().getSearch().setScore(1);
        bundle.getMeta().addTag().setSystem("urn:test").setCode("t");
        String hapi = fhir.newJsonParser().encodeResourceToString(bundle);
        assertThat(new String(preEncoded.bundle(bundle), StandardCharsets.UTF_8)).isEqualTo(hapi);
    }
}

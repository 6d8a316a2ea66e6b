package org.renkei.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.api.BundleLinks;
import ca.uhn.fhir.rest.api.IVersionSpecificBundleFactory;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.hapi.rest.server.R4BundleFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StandInBundleFactoryTest {

    private static final FhirContext FHIR = StandInBundleFactory.serverContext();

    private static Observation standIn(String id) {
        var observation = new Observation();
        observation.setIdElement(new IdType("Observation", id, "2"));
        observation.getMeta().setVersionId("2").setLastUpdated(new Date(1_700_000_000_000L))
                .addExtension("urn:renkei:fhir:extension:record-author-organization", new Reference("Organization/o"));
        return PreEncodedJson.inPlaceOf(observation, "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\"}");
    }

    private static String bundle(IVersionSpecificBundleFactory factory, List<IBaseResource> resources, String base) {
        var links = new BundleLinks(base, Set.of(), false, BundleTypeEnum.SEARCHSET)
                .setSelf(base + "/Observation?patient=Patient/p").setNext(base + "?_getpages=x&_getpagesoffset=2");
        factory.addRootPropertiesToBundle("b", links, 40, new InstantType(new Date(1_700_000_000_000L)));
        factory.addResourcesToBundle(new ArrayList<>(resources), BundleTypeEnum.SEARCHSET, base, null, Set.of());
        return FHIR.newJsonParser().encodeResourceToString(factory.getResourceBundle());
    }

    private static void sameAsHapi(Supplier<List<IBaseResource>> resources, String base) {
        String hapi = bundle(new R4BundleFactory(FHIR), resources.get(), base);
        String ours = bundle(FHIR.newBundleFactory(), resources.get(), base);
        assertThat(ours).isEqualTo(hapi);
        assertThat(((Bundle) FHIR.newJsonParser().parseResource(ours)).getEntry()).isNotEmpty();
    }

    @Test
    @DisplayName("INT-01 a search page of stand-ins gets the entries HAPI's bundle factory would give it")
    void standInsAsHapi() {
        assertThat(FHIR.newBundleFactory()).isInstanceOf(StandInBundleFactory.class);
        Supplier<List<IBaseResource>> page = () -> {
            List<IBaseResource> list = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Observation o = standIn("o" + i);
                ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(o, i == 2 ? BundleEntrySearchModeEnum.INCLUDE
                        : BundleEntrySearchModeEnum.MATCH);
                list.add(o);
            }
            list.add(standIn("o3"));
            return list;
        };
        sameAsHapi(page, "https://renkei.example.jp/fhir");
        sameAsHapi(page, "");
        sameAsHapi(() -> List.of(standIn("with-base").setIdElement(
                new IdType("https://elsewhere.example.jp/fhir/Observation/w/_history/1"))),
                "https://renkei.example.jp/fhir");
    }

    @Test
    @DisplayName("INT-01 a page with a full resource (one that may carry includes) is made by HAPI's bundle factory")
    void fullResourcesToHapi() {
        Supplier<List<IBaseResource>> page = () -> {
            var patient = new Patient();
            patient.setId("Patient/p");
            var observation = new Observation();
            observation.setId("Observation/full");
            observation.setSubject(new Reference(patient));
            return List.of(standIn("o1"), observation);
        };
        sameAsHapi(page, "https://renkei.example.jp/fhir");
        String ours = bundle(FHIR.newBundleFactory(), page.get(), "https://renkei.example.jp/fhir");
        assertThat(((Bundle) FHIR.newJsonParser().parseResource(ours)).getEntry())
                .as("the referenced patient is included, as HAPI does").hasSize(3);
    }
}

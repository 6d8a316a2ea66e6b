package org.renkei.staff;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.springframework.stereotype.Component;

/** {@code Practitioner}: read and search by name (kanji or kana, partial) and {@code _id} (INT-01). */
@Component
class PractitionerProvider implements IResourceProvider {

    private final StaffRegistry registry;

    PractitionerProvider(StaffRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Class<Practitioner> getResourceType() {
        return Practitioner.class;
    }

    @Read
    public Practitioner read(@IdParam IdType id) {
        FhirAccess.requireOperator();
        return registry.find(new StaffId(FhirAccess.idOf(id))).map(StaffResources::practitioner)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Practitioner> search(@OptionalParam(name = IAnyResource.SP_RES_ID) TokenParam id,
            @OptionalParam(name = Practitioner.SP_NAME) StringParam name) {
        FhirAccess.requireOperator();
        List<StaffMember> found;
        if (id != null) {
            found = FhirAccess.one(registry, id.getValue());
            if (name != null) {
                found = found.stream().filter(registry.searchByName(name.getValue())::contains).toList();
            }
        } else {
            found = name == null ? registry.all() : registry.searchByName(name.getValue());
        }
        return found.stream().map(StaffResources::practitioner).toList();
    }
}

package org.renkei.staff;

import org.renkei.identity.Profession;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.renkei.facility.FacilityId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code PractitionerRole}: a user's profession at their facility. Read, and search by {@code organization}
 * (the facility), {@code practitioner} and {@code _id} (INT-01).
 */
@Component
class PractitionerRoleProvider implements IResourceProvider {

    private final StaffRegistry registry;
    private final MessageSource messages;

    PractitionerRoleProvider(StaffRegistry registry, MessageSource messages) {
        this.registry = registry;
        this.messages = messages;
    }

    @Override
    public Class<PractitionerRole> getResourceType() {
        return PractitionerRole.class;
    }

    @Read
    public PractitionerRole read(@IdParam IdType id) {
        FhirAccess.requireOperator();
        return registry.find(new StaffId(FhirAccess.idOf(id))).map(this::role)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<PractitionerRole> search(@OptionalParam(name = IAnyResource.SP_RES_ID) TokenParam id,
            @OptionalParam(name = PractitionerRole.SP_ORGANIZATION) ReferenceParam organization,
            @OptionalParam(name = PractitionerRole.SP_PRACTITIONER) ReferenceParam practitioner) {
        FhirAccess.requireOperator();
        List<StaffMember> candidates;
        if (id != null) {
            candidates = FhirAccess.one(registry, id.getValue());
        } else if (practitioner != null) {
            candidates = FhirAccess.one(registry, practitioner.getIdPart());
        } else if (organization != null) {
            candidates = FhirAccess.uuid(organization.getIdPart())
                    .map(facility -> registry.ofFacility(new FacilityId(facility))).orElse(List.of());
        } else {
            candidates = registry.all();
        }
        return candidates.stream()
                .filter(member -> practitioner == null || FhirAccess.is(member.id().value(), practitioner.getIdPart()))
                .filter(member -> organization == null
                        || FhirAccess.is(member.facility().value(), organization.getIdPart()))
                .map(this::role)
                .toList();
    }

    private PractitionerRole role(StaffMember member) {
        return StaffResources.role(member, this::japanese);
    }

    private String japanese(Profession profession) {
        return messages.getMessage("staff.profession." + profession.name(), null, profession.name(), Locale.JAPANESE);
    }
}

package org.renkei.facility;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The registry's facilities as FHIR {@code Organization}s (INT-01), identified in JP Core style by the medical
 * institution code. Read and search; who may call is decided by the security configuration.
 */
@Component
class OrganizationProvider implements IResourceProvider {

    static final String MEDICAL_INSTITUTION_CODE = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no";
    static final String CARE_PROVIDER_NUMBER = "urn:renkei:id:care-provider-number";
    static final String LOCAL_GOVERNMENT_CODE = "urn:renkei:id:local-government-code";
    static final String FACILITY_KIND = "urn:renkei:facility-kind";

    private final FacilityRegistry registry;
    private final MessageSource messages;

    OrganizationProvider(FacilityRegistry registry, MessageSource messages) {
        this.registry = registry;
        this.messages = messages;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Organization.class;
    }

    @Read
    public Organization read(@IdParam IdType id) {
        return parse(id.getIdPart()).flatMap(registry::find)
                .filter(f -> f.status() != FacilityStatus.REFUSED)
                .map(this::toOrganization)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Organization> search(@OptionalParam(name = Organization.SP_NAME) StringParam name,
            @OptionalParam(name = Organization.SP_IDENTIFIER) TokenParam identifier) {
        return registry.search(name == null ? null : name.getValue()).stream()
                .filter(f -> f.status() != FacilityStatus.REFUSED)
                .filter(f -> identifier == null || matches(f, identifier))
                .map(this::toOrganization)
                .toList();
    }

    private static boolean matches(Facility f, TokenParam identifier) {
        return f.code().equals(identifier.getValue())
                && (identifier.getSystem() == null || identifier.getSystem().equals(system(f.kind())));
    }

    private Organization toOrganization(Facility f) {
        var o = new Organization();
        o.setId(f.id().toString());
        o.addIdentifier().setSystem(system(f.kind())).setValue(f.code());
        o.setActive(f.isActive());
        o.setName(f.name());
        if (f.details().nameKana() != null) {
            o.addAlias(f.details().nameKana());
        }
        var type = new CodeableConcept();
        type.addCoding().setSystem(FACILITY_KIND).setCode(f.kind().name())
                .setDisplay(messages.getMessage("facility.kind." + f.kind().name(), null, Locale.JAPANESE));
        o.addType(type);
        o.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(f.details().phone())
                .setUse(ContactPoint.ContactPointUse.WORK);
        o.addAddress().setPostalCode(f.details().postalCode()).setText(f.details().address()).setCountry("JP")
                .setUse(Address.AddressUse.WORK);
        for (FacilityPerson p : f.details().people()) {
            if (p.role() == FacilityPerson.Role.ADMINISTRATOR || p.role() == FacilityPerson.Role.CONTACT) {
                var contact = o.addContact();
                contact.getPurpose().addCoding()
                        .setSystem("http://terminology.hl7.org/CodeSystem/contactentity-type")
                        .setCode("ADMIN");
                contact.getPurpose().setText(messages.getMessage("facility.role." + p.role().name(), null,
                        Locale.JAPANESE));
                contact.setName(new HumanName().setText(p.name()));
                if (p.phone() != null) {
                    contact.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone());
                }
                if (p.email() != null) {
                    contact.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.email());
                }
            }
        }
        return o;
    }

    static String system(FacilityKind kind) {
        return switch (kind.identifierKind()) {
            case MEDICAL_INSTITUTION_CODE -> MEDICAL_INSTITUTION_CODE;
            case CARE_PROVIDER_NUMBER -> CARE_PROVIDER_NUMBER;
            case LOCAL_GOVERNMENT_CODE -> LOCAL_GOVERNMENT_CODE;
        };
    }

    private static Optional<FacilityId> parse(String id) {
        try {
            return Optional.of(new FacilityId(UUID.fromString(id)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package org.renkei.consent;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.renkei.access.DataKind;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.identity.Actor;
import org.springframework.stereotype.Component;

/**
 * A participant's registered consent as one FHIR R4 {@code Consent} (INT-01, CON-02…CON-06, PHR-06), whose id is
 * the participant's id: read, and search by {@code patient}. Status {@code active} while the participant takes
 * part, {@code inactive} after a withdrawal; scope patient-privacy, category LOINC 59284-0, policy rule opt-in;
 * {@code dateTime} is when the current state was registered. The base provision permits the facilities the
 * participant permitted (actors with role IRCP, information recipient); a nested deny provision names the
 * "do not share" facilities, which win over a permission (CON-03).
 *
 * <p>Who sees what: the operator sees every participant's consent, withdrawn ones too, with every permitted and
 * denied facility. Staff see the consent only of a participant whose consent lets their facility see (the access
 * decision with {@link DataKind#CONSENT}), and in it only their own facility's permission: which other facilities
 * the patient attends, or refused, is not theirs to learn.
 */
@Component
class ConsentProvider implements IResourceProvider {

    static final String SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    static final String LOINC = "http://loinc.org";
    static final String PATIENT_CONSENT = "59284-0";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    private final ParticipantDirectory directory;
    private final FacilityRegistry facilities;
    private final ConsentFhir fhir;

    ConsentProvider(ParticipantDirectory directory, FacilityRegistry facilities, ConsentFhir fhir) {
        this.directory = directory;
        this.facilities = facilities;
        this.fhir = fhir;
    }

    @Override
    public Class<Consent> getResourceType() {
        return Consent.class;
    }

    @Read
    public Consent read(@IdParam IdType id) {
        Actor actor = ConsentFhir.actor();
        ParticipantId participant = ConsentFhir.participantId(id);
        return fhir.read(id, () -> consent(actor, directory.get(actor, participant, DataKind.CONSENT)));
    }

    /** The consent of one participant ({@code patient=Patient/<id>} or the bare id); none if not to be seen. */
    @Search
    public List<Consent> search(@OptionalParam(name = Consent.SP_PATIENT) ReferenceParam patient) {
        Actor actor = ConsentFhir.actor();
        if (patient == null || patient.getChain() != null || patient.getIdPart() == null) {
            throw fhir.invalid("consent.fhir.consent.patient");
        }
        if (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType())) {
            return List.of();
        }
        return ConsentFhir.participantId(patient.getIdPart())
                .flatMap(id -> directory.find(actor, id, DataKind.CONSENT))
                .map(p -> consent(actor, p))
                .stream().toList();
    }

    private Consent consent(Actor actor, Participant participant) {
        ParticipantId id = participant.id();
        var consent = new Consent();
        consent.setId(new IdType("Consent", id.toString()));
        consent.setStatus(participant.participating() ? Consent.ConsentState.ACTIVE : Consent.ConsentState.INACTIVE);
        consent.setScope(new CodeableConcept(new Coding(SCOPE, "patient-privacy", "Privacy Consent")));
        consent.addCategory(new CodeableConcept(new Coding(LOINC, PATIENT_CONSENT, "Patient Consent"))
                .setText("参加同意書"));
        consent.setPatient(new Reference("Patient/" + id));
        directory.history(actor, id).stream().findFirst()
                .ifPresent(last -> consent.setDateTime(Date.from(last.at())));
        consent.setPolicyRule(new CodeableConcept(new Coding(ACT_CODE, "OPTIN", "opt-in")));

        Consent.ProvisionComponent provision = consent.getProvision();
        provision.setType(Consent.ConsentProvisionType.PERMIT);
        provision.setPeriod(new Period().setStartElement(date(participant.joinedOn()))
                .setEndElement(participant.participating() ? null : date(participant.withdrawnOn())));
        if (actor.isOperator()) {
            var links = directory.links(actor, id).values();
            links.stream().filter(FacilityLink::permitted).forEach(l -> recipient(provision, l.facility()));
            if (links.stream().anyMatch(FacilityLink::denied)) {
                Consent.ProvisionComponent deny = provision.addProvision().setType(Consent.ConsentProvisionType.DENY);
                links.stream().filter(FacilityLink::denied).forEach(l -> recipient(deny, l.facility()));
            }
        } else if (actor.facilityId() != null && directory.consent(actor, id).permits(new FacilityId(actor.facilityId()))) {
            recipient(provision, new FacilityId(actor.facilityId()));
        }
        return consent;
    }

    /** A facility as an information recipient of a provision. */
    private void recipient(Consent.ProvisionComponent provision, FacilityId facility) {
        var reference = new Reference("Organization/" + facility);
        facilities.find(facility).ifPresent(f -> reference.setDisplay(f.name()));
        provision.addActor()
                .setRole(new CodeableConcept(new Coding(PARTICIPATION_TYPE, "IRCP", "information recipient")))
                .setReference(reference);
    }

    private static DateTimeType date(java.time.LocalDate day) {
        return day == null ? null : new DateTimeType(day.toString());
    }
}

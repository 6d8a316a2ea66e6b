package org.renkei.audit;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * An audit entry as a FHIR R4 {@code AuditEvent} in the shape of IHE Basic Audit Log Patterns (BALP): RESTful
 * acts as type {@code rest} with the restful interaction as subtype (and the BALP profile), the others with the
 * DICOM event ids (110110 Patient Record, 110114 User Authentication, 110106 Export, 110101 Audit Log Used, 110113
 * Security Alert, 110100 Application Activity); the user as the requesting agent (identifier = user name,
 * reference = the Practitioner for staff), the client as Source Role ID with its network address, the facility as
 * an organisation agent, this server as the observer (Application Server); the participant as entity with role 1
 * Patient, the resource as a Domain Resource entity, the request id as BALP's XrequestId entity; and the purpose
 * as v3-ActReason (TREAT, ETREAT, DISASTER, HOPERAT).
 */
final class AuditFhir {

    static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String RESTFUL = "http://hl7.org/fhir/restful-interaction";
    static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String ROLE_CLASS = "http://terminology.hl7.org/CodeSystem/v3-RoleClass";
    static final String BALP_ENTITY = "https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType";
    static final String BALP_PROFILE = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.";
    static final String USERNAME_SYSTEM = "urn:renkei:id:username";
    static final String ACCOUNT_SYSTEM = "urn:renkei:id:account";
    static final String AUTH_LEVEL_EXTENSION = "urn:renkei:fhir:StructureDefinition:auth-level";
    static final String OBSERVER = "Renkei";

    private AuditFhir() {
    }

    /** BALP's action code of an audited act. */
    static AuditEventAction actionOf(AuditAction action) {
        switch (action) {
            case STORE:
                return AuditEventAction.C;
            case UPDATE:
            case CONSENT_REGISTRATION:
                return AuditEventAction.U;
            case VIEW:
            case PRINT:
            case EXPORT:
            case AUDIT_EXPORT:
                return AuditEventAction.R;
            default:
                return AuditEventAction.E;
        }
    }

    static AuditEventOutcome outcomeOf(AuditOutcome outcome) {
        switch (outcome) {
            case SUCCESS:
                return AuditEventOutcome._0;
            case DENIED:
                return AuditEventOutcome._4;
            default:
                return AuditEventOutcome._8;
        }
    }

    static Coding purposeOf(AuditPurpose purpose) {
        switch (purpose) {
            case EMERGENCY:
                return new Coding(ACT_REASON, "ETREAT", "Emergency Treatment");
            case DISASTER:
                return new Coding(ACT_REASON, "DISASTER", "disaster");
            case ADMINISTRATION:
                return new Coding(ACT_REASON, "HOPERAT", "healthcare operations");
            default:
                return new Coding(ACT_REASON, "TREAT", "treatment");
        }
    }

    static org.hl7.fhir.r4.model.AuditEvent toFhir(AuditEntry entry, Map<UUID, String> facilities, String serverUrl) {
        AuditEvent e = entry.event();
        var fhir = new org.hl7.fhir.r4.model.AuditEvent();
        fhir.setId(new IdType("AuditEvent", entry.id().toString()));
        boolean patient = e.participantId() != null;
        boolean auditTrail = AuditSearch.RESOURCE_TYPE.equals(e.resourceType());
        String restful = auditTrail ? null : restfulOf(e.action());
        if (restful != null) {
            fhir.setType(new Coding(EVENT_TYPE, "rest", "Restful Operation"));
            fhir.addSubtype(new Coding(RESTFUL, restful, restful));
            String profile = profileOf(e.action());
            fhir.getMeta().addProfile(BALP_PROFILE + (patient ? "Patient" + profile : profile));
        } else {
            fhir.setType(dicomType(e.action(), auditTrail));
            Coding subtype = dicomSubtype(e.action());
            if (subtype != null) {
                fhir.addSubtype(subtype);
            }
        }
        fhir.setAction(actionOf(e.action()));
        fhir.setRecorded(Date.from(entry.at()));
        fhir.setOutcome(outcomeOf(e.outcome()));
        fhir.setOutcomeDesc(e.outcome() == AuditOutcome.SUCCESS ? null : e.detail());
        fhir.addPurposeOfEvent(new CodeableConcept(purposeOf(e.purpose())));

        // the user who asked
        AuditEventAgentComponent user = fhir.addAgent();
        user.setType(new CodeableConcept(new Coding(PARTICIPATION, "IRCP", "information recipient")));
        user.setRequestor(true);
        var who = new Reference();
        if (e.staffId() != null) {
            who.setReference("Practitioner/" + e.staffId());
        }
        if (e.username() != null) {
            who.setIdentifier(new Identifier().setSystem(USERNAME_SYSTEM).setValue(e.username()));
        }
        who.setDisplay(e.actorName());
        user.setWho(who);
        user.setName(e.actorName());
        if (e.accountId() != null) {
            user.setAltId(e.accountId().toString());
        }
        if (e.authLevel() != null) {
            user.addExtension(AUTH_LEVEL_EXTENSION, new CodeType(e.authLevel()));
        }
        // the facility the user acted for
        if (e.facilityId() != null) {
            AuditEventAgentComponent organization = fhir.addAgent();
            organization.setType(new CodeableConcept(new Coding(ROLE_CLASS, "PROV", "healthcare provider")));
            organization.setRequestor(false);
            organization.setWho(new Reference("Organization/" + e.facilityId())
                    .setDisplay(facilities.get(e.facilityId())));
        }
        // the client machine
        if (e.clientAddress() != null || e.device() != null) {
            AuditEventAgentComponent client = fhir.addAgent();
            client.setType(new CodeableConcept(new Coding(DICOM, "110153", "Source Role ID")));
            client.setRequestor(false);
            client.setWho(new Reference().setDisplay(e.device() != null ? e.device() : e.clientAddress()));
            if (e.clientAddress() != null) {
                client.getNetwork().setAddress(e.clientAddress()).setType(AuditEventAgentNetworkType._2);
            }
        }
        // this server
        AuditEventAgentComponent server = fhir.addAgent();
        server.setType(new CodeableConcept(new Coding(DICOM, "110152", "Destination Role ID")));
        server.setRequestor(false);
        server.setWho(new Reference().setDisplay(OBSERVER));
        server.getNetwork().setAddress(serverUrl).setType(AuditEventAgentNetworkType._5);

        fhir.getSource().setObserver(new Reference().setDisplay(OBSERVER)
                .setIdentifier(new Identifier().setValue(serverUrl)))
                .addType(new Coding(SOURCE_TYPE, "4", "Application Server"));

        if (patient) {
            AuditEventEntityComponent subject = fhir.addEntity();
            subject.setWhat(new Reference("Patient/" + e.participantId()));
            subject.setType(new Coding(ENTITY_TYPE, "1", "Person"));
            subject.setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
        }
        if (e.resourceType() != null) {
            AuditEventEntityComponent data = fhir.addEntity();
            var what = new Reference();
            if (e.resourceId() != null) {
                what.setReference(e.resourceType() + "/" + e.resourceId());
            } else {
                what.setDisplay(e.resourceType());
            }
            data.setWhat(what);
            data.setType(new Coding(ENTITY_TYPE, "2", "System Object"));
            data.setRole(new Coding(OBJECT_ROLE, e.action() == AuditAction.SEARCH ? "24" : "4",
                    e.action() == AuditAction.SEARCH ? "Query" : "Domain Resource"));
            if (e.detail() != null) {
                data.setDescription(e.detail());
                if (e.action() == AuditAction.SEARCH) {
                    data.setQuery(e.detail().getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        if (e.requestId() != null) {
            AuditEventEntityComponent request = fhir.addEntity();
            request.setWhat(new Reference().setIdentifier(new Identifier().setValue(e.requestId())));
            request.setType(new Coding(BALP_ENTITY, "XrequestId", "X-Request-Id"));
        }
        return fhir;
    }

    /** The FHIR restful interaction of an act on a resource, or null when it is none. */
    private static String restfulOf(AuditAction action) {
        switch (action) {
            case VIEW:
                return "read";
            case SEARCH:
                return "search-type";
            case STORE:
                return "create";
            case UPDATE:
                return "update";
            default:
                return null;
        }
    }

    private static String profileOf(AuditAction action) {
        switch (action) {
            case SEARCH:
                return "Query";
            case STORE:
                return "Create";
            case UPDATE:
                return "Update";
            default:
                return "Read";
        }
    }

    private static Coding dicomType(AuditAction action, boolean auditTrail) {
        if (auditTrail) {
            return new Coding(DICOM, "110101", "Audit Log Used");
        }
        switch (action) {
            case LOGIN:
            case LOGOUT:
                return new Coding(DICOM, "110114", "User Authentication");
            case PRINT:
            case EXPORT:
                return new Coding(DICOM, "110106", "Export");
            case AUDIT_EXPORT:
                return new Coding(DICOM, "110101", "Audit Log Used");
            case ACCESS_DENIED:
            case INCIDENT:
                return new Coding(DICOM, "110113", "Security Alert");
            case EMERGENCY_ACCESS:
            case DISASTER_ACCESS:
            case CONSENT_REGISTRATION:
                return new Coding(DICOM, "110110", "Patient Record");
            default:
                return new Coding(DICOM, "110100", "Application Activity");
        }
    }

    private static Coding dicomSubtype(AuditAction action) {
        switch (action) {
            case LOGIN:
                return new Coding(DICOM, "110122", "Login");
            case LOGOUT:
                return new Coding(DICOM, "110123", "Logout");
            default:
                return null;
        }
    }
}

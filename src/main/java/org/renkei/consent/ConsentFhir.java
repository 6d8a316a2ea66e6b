package org.renkei.consent;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.renkei.facility.Facility;
import org.renkei.identity.Actor;
import org.renkei.identity.CurrentActor;
import org.renkei.platform.fhir.Outcomes;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the consent module's FHIR providers share: the identifier systems, who is calling, and how the
 * directory's refusals become FHIR answers (a broken rule is a 400 with an {@code OperationOutcome} naming the
 * rule; a participant the caller may not see is a 404 exactly like one that does not exist).
 */
@Component
public class ConsentFhir {

    /**
     * The participant card number (参加者カード番号, PAR-03): the regional patient id of the network, twelve digits
     * without hyphens. JP Core lets a regional network name its own namespace for its patient ids; a network with
     * an OID of its own would put it here.
     */
    public static final String CARD_NUMBER_SYSTEM = "urn:renkei:id:participant-card";

    /**
     * A medical institution's patient id, in JP Core's convention: this prefix, then "1" and the institution's
     * 10-digit medical institution code ({@code urn:oid:1.2.392.100495.20.3.51.11312345670}).
     */
    static final String JP_PATIENT_NUMBER_PREFIX = "urn:oid:1.2.392.100495.20.3.51.1";

    /** The patient number at a care facility or support centre (no JP Core convention): + the care provider number. */
    static final String CARE_PATIENT_NUMBER_PREFIX = "urn:renkei:id:patient-number:care-provider-number:";

    /** The patient number at a municipality: + the local government code. */
    static final String MUNICIPALITY_PATIENT_NUMBER_PREFIX = "urn:renkei:id:patient-number:local-government-code:";

    /** The message key of a refused request, as {@code OperationOutcome.issue.details.coding}. */

    private final MessageSource messages;

    ConsentFhir(MessageSource messages) {
        this.messages = messages;
    }

    /** The identifier system of patient numbers at this facility. */
    public static String patientNumberSystem(Facility facility) {
        return switch (facility.kind().identifierKind()) {
            case MEDICAL_INSTITUTION_CODE -> JP_PATIENT_NUMBER_PREFIX + facility.code();
            case CARE_PROVIDER_NUMBER -> CARE_PATIENT_NUMBER_PREFIX + facility.code();
            case LOCAL_GOVERNMENT_CODE -> MUNICIPALITY_PATIENT_NUMBER_PREFIX + facility.code();
        };
    }

    /** The facility code a patient-number system names, if it is one. */
    public static Optional<String> facilityCodeOf(String system) {
        for (String prefix : new String[] {JP_PATIENT_NUMBER_PREFIX, CARE_PATIENT_NUMBER_PREFIX,
                MUNICIPALITY_PATIENT_NUMBER_PREFIX}) {
            if (system.startsWith(prefix) && system.length() > prefix.length()) {
                return Optional.of(system.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    /** The person calling; the security configuration lets only the operator's staff and users reach /fhir. */
    static Actor actor() {
        return CurrentActor.get().orElseThrow(() -> new AuthenticationException("Login required"));
    }

    /** The participant an id names; a malformed id is not found, like an unknown one. */
    static ParticipantId participantId(IdType id) {
        try {
            return ParticipantId.of(id.getIdPart());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ResourceNotFoundException(id);
        }
    }

    /** The participant a reference or plain id names, if it can be one. */
    static Optional<ParticipantId> participantId(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String id = reference.startsWith("Patient/") ? reference.substring("Patient/".length()) : reference;
        try {
            return Optional.of(new ParticipantId(UUID.fromString(id)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Runs a read: the directory's "not found" (unknown or not permitted) becomes the same FHIR 404. */
    <T> T read(IdType id, Supplier<T> read) {
        try {
            return read.get();
        } catch (NotFoundException e) {
            throw new ResourceNotFoundException(id);
        } catch (InvalidInputException e) {
            throw invalid(e.messageKey(), e.arguments());
        }
    }

    /** Runs a search: a broken rule of the directory becomes a 400 with an OperationOutcome. */
    <T> T search(Supplier<T> search) {
        try {
            return search.get();
        } catch (InvalidInputException e) {
            throw invalid(e.messageKey(), e.arguments());
        }
    }

    /** A 400 whose OperationOutcome names the rule (message key) and says it in Japanese. */
    InvalidRequestException invalid(String key, Object... arguments) {
        OperationOutcome outcome = Outcomes.invalid(messages, key, arguments);
        return new InvalidRequestException(outcome.getIssueFirstRep().getDiagnostics(), outcome);
    }
}

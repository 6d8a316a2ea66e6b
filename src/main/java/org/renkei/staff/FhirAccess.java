package org.renkei.staff;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.renkei.identity.CurrentActor;

/** What both providers check: who calls, and whether an id can be a user's at all. */
final class FhirAccess {

    private FhirAccess() {
    }

    /** The registry of users is the operator's; the security configuration says so too. */
    static void requireOperator() {
        if (CurrentActor.get().filter(actor -> actor.isOperator()).isEmpty()) {
            throw new ForbiddenOperationException("Only the operator may read the registry of users");
        }
    }

    static UUID idOf(IdType id) {
        return uuid(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    }

    /** The user with this id, as a list of one; none for an unknown or malformed id. */
    static List<StaffMember> one(StaffRegistry registry, String id) {
        return uuid(id).flatMap(uuid -> registry.find(new StaffId(uuid))).stream().toList();
    }

    /** Whether the text is this UUID (in any letter case). */
    static boolean is(UUID value, String text) {
        return uuid(text).filter(value::equals).isPresent();
    }

    static Optional<UUID> uuid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package org.renkei.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.renkei.identity.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Watching the audit trail (AUD-02): the operator searches every entry; a facility administrator only the entries
 * of their own facility — the scope is put into the query itself, whatever the filter asks for. Everyone else is
 * refused. Looking is itself audited ({@link AuditAction#VIEW} of {@code AuditEvent}), and so is every export
 * ({@link AuditAction#AUDIT_EXPORT}, durable before the first row is sent), each with the filter in its detail.
 * These entries about the audit trail name a participant searched for in their detail only, not as their
 * participant: they are not accesses to the participant's data, and a participant's entries do not grow by being
 * looked at.
 */
@Service
public class AuditSearch {

    /** Entries on one page. */
    public static final int PAGE_SIZE = 50;

    /** The resource type of audit entries about reading the audit trail. */
    public static final String RESOURCE_TYPE = "AuditEvent";

    private final AuditQuery query;
    private final AuditTrail trail;
    private final ObjectProvider<AuditDirectory> directory;
    private final ObjectProvider<AuditParticipantCards> cards;

    AuditSearch(AuditQuery query, AuditTrail trail, ObjectProvider<AuditDirectory> directory,
            ObjectProvider<AuditParticipantCards> cards) {
        this.query = query;
        this.trail = trail;
        this.directory = directory;
        this.cards = cards;
    }

    /** A page of entries, newest first, and the place to ask for the next (older) page from. */
    public record Results(List<AuditEntry> entries, Long next) {
    }

    /** The entries this person may see that match, newest first, before the place {@code before}. */
    public Results search(Actor actor, AuditFilter filter, Long before) {
        AuditFilter scoped = scoped(actor, filter);
        List<AuditEntry> found = query.page(scoped, before, PAGE_SIZE + 1);
        Long next = null;
        if (found.size() > PAGE_SIZE) {
            found = found.subList(0, PAGE_SIZE);
            next = found.get(PAGE_SIZE - 1).seq();
        }
        trail.recordLater(AuditEvent.of(AuditAction.VIEW).by(actor)
                .resource(RESOURCE_TYPE, null).detail(scoped.describe()).build());
        return new Results(List.copyOf(found), next);
    }

    /**
     * Every matching entry this person may see, newest first, to the consumer; the export is recorded (and durable)
     * before the first entry is handed over.
     */
    public void export(Actor actor, AuditFilter filter, Consumer<AuditEntry> consumer) {
        AuditFilter scoped = scoped(actor, filter);
        trail.record(AuditEvent.of(AuditAction.AUDIT_EXPORT).by(actor)
                .resource(RESOURCE_TYPE, null).detail("csv: " + scoped.describe()).build());
        query.stream(scoped, consumer);
    }

    /** The filter as this person may search: the operator as asked, a facility administrator on their facility. */
    public AuditFilter scoped(Actor actor, AuditFilter filter) {
        if (actor != null && actor.isOperator()) {
            return filter;
        }
        if (actor != null && actor.kind() == Actor.AccountKind.FACILITY_ADMINISTRATOR && actor.facilityId() != null) {
            return filter.atFacility(actor.facilityId());
        }
        throw new AccessDeniedException("only the operator and facility administrators watch the audit trail");
    }

    /** Every facility's name by id (empty when no module tells them). */
    public Map<UUID, String> facilityNames() {
        AuditDirectory names = directory.getIfAvailable();
        return names == null ? Map.of() : names.facilityNames();
    }

    /**
     * The participant a search names: a participant id, or a participant card number; a card nobody holds names an
     * id that no entry has, so the search finds nothing.
     */
    public UUID participantOf(String idOrCard) {
        if (idOrCard == null || idOrCard.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(idOrCard.strip());
        } catch (IllegalArgumentException notAnId) {
            AuditParticipantCards lookup = cards.getIfAvailable();
            Optional<UUID> holder = lookup == null ? Optional.empty() : lookup.participantOfCard(idOrCard);
            return holder.orElse(AuditFilter.NOBODY);
        }
    }
}

package org.renkei.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Who looked at a participant's records (AUD-04, PHR-06): for one participant, which facility (and which of its
 * staff) viewed, searched, printed, exported, stored or changed which kind of record when, and whether it was an
 * emergency or disaster access. Only acts that succeeded count; reading the participant's audit entries is not an
 * access to their data and is left out. Entries of the operator's own staff have no facility.
 *
 * <p>This service does not check who asks: the page or API that shows the list decides who may see it (the
 * operator; later the participant themselves) and records that it was shown.
 */
@Service
public class ParticipantAccessLog {

    /** The acts that are accesses to a participant's data. */
    public static final Set<AuditAction> ACCESSES = Set.copyOf(EnumSet.of(AuditAction.VIEW, AuditAction.SEARCH,
            AuditAction.PRINT, AuditAction.EXPORT, AuditAction.STORE, AuditAction.UPDATE,
            AuditAction.EMERGENCY_ACCESS, AuditAction.DISASTER_ACCESS));

    /** One access to the participant's data. */
    public record ParticipantAccess(Instant at, UUID facilityId, String facilityName, String staffName,
            AuditAction action, String resourceType, AuditPurpose purpose) {

        /** An emergency (break-the-glass) access (EMG). */
        public boolean emergency() {
            return purpose == AuditPurpose.EMERGENCY || action == AuditAction.EMERGENCY_ACCESS;
        }

        /** An access opened by the disaster mode (DIS). */
        public boolean disaster() {
            return purpose == AuditPurpose.DISASTER || action == AuditAction.DISASTER_ACCESS;
        }

        /** By the network operator's staff (no facility). */
        public boolean byOperator() {
            return facilityId == null;
        }
    }

    /** A page of accesses, newest first, and the place to ask for the next (older) page from; null at the end. */
    public record Page(List<ParticipantAccess> accesses, Long next) {
    }

    private final AuditQuery query;
    private final AuditSearch search;

    ParticipantAccessLog(AuditQuery query, AuditSearch search) {
        this.query = query;
        this.search = search;
    }

    /** The participant's accesses, newest first, before the place {@code before} (null: from the newest). */
    public Page accesses(UUID participant, Long before, int size) {
        if (participant == null || size < 1) {
            return new Page(List.of(), null);
        }
        List<AuditEntry> found = query.accesses(participant, ACCESSES, before, size + 1);
        Long next = null;
        if (found.size() > size) {
            found = found.subList(0, size);
            next = found.get(size - 1).seq();
        }
        Map<UUID, String> names = search.facilityNames();
        List<ParticipantAccess> accesses = new ArrayList<>(found.size());
        for (AuditEntry entry : found) {
            AuditEvent e = entry.event();
            accesses.add(new ParticipantAccess(entry.at(), e.facilityId(),
                    e.facilityId() == null ? null : names.get(e.facilityId()), e.actorName(), e.action(),
                    e.resourceType(), e.purpose()));
        }
        return new Page(List.copyOf(accesses), next);
    }
}

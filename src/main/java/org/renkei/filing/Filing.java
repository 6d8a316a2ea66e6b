package org.renkei.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An application as received and decided. {@code subject} is how it reads in a list (the facility's name, with
 * the person's for user applications); {@code payload} is the owning feature's JSON of what changes.
 */
public record Filing(FilingId id, FilingKind kind, UUID facilityId, UUID staffId, String subject,
        LocalDate receivedOn, LocalDate wishedOn, LocalDate decideBy, FilingStatus status,
        LocalDate decidedOn, String decidedBy, RefusalReason refusalReason, String refusalDetails,
        LocalDate effectiveOn, Instant tookEffectAt, String payload, String receivedBy, Instant createdAt) {

    /** Undecided past its deadline on the given day. */
    public boolean overdueOn(LocalDate today) {
        return status == FilingStatus.PENDING && today.isAfter(decideBy);
    }

    /** Decided after its deadline. */
    public boolean decidedLate() {
        return decidedOn != null && decidedOn.isAfter(decideBy);
    }
}

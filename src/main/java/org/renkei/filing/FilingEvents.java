package org.renkei.filing;

import java.time.LocalDate;
import java.util.UUID;

/** What other features may want to tell people about an application. */
public final class FilingEvents {

    private FilingEvents() {
    }

    /** An application was refused; the facility is told (FAC-02). */
    public record FilingRefused(FilingId filing, FilingKind kind, UUID facilityId, String subject,
            RefusalReason reason, String details) {
    }

    /** An application is still undecided past the operator's deadline; the facility is told. */
    public record FilingOverdue(FilingId filing, FilingKind kind, UUID facilityId, String subject,
            LocalDate decideBy) {
    }

    /** An application was decided after the operator's deadline; the facility is told. */
    public record FilingDecidedLate(FilingId filing, FilingKind kind, UUID facilityId, String subject,
            LocalDate decideBy, LocalDate decidedOn) {
    }
}

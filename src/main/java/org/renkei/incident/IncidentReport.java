package org.renkei.incident;

import java.time.Instant;
import org.renkei.staff.StaffId;

/**
 * What a facility reports: the kind, when it was noticed, what happened, the user concerned (one of the facility's
 * users; optional), the device (optional), and whether to stop that user's access now.
 */
public record IncidentReport(IncidentKind kind, Instant noticedAt, String description, StaffId staff,
        String device, boolean suspendUser) {
}

package org.renkei.notice;

import java.time.Instant;
import java.util.UUID;

/** A message to a facility, as sent. {@code recipients} names the contact persons it was addressed to. */
public record Notice(UUID id, UUID facilityId, String kind, String subject, String body, String recipients,
        Instant sentAt, Instant readAt, String readBy) {
}

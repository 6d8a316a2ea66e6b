package org.renkei.audit;

import java.time.Instant;
import java.util.UUID;

/** An event as appended to the chain: its place ({@code seq}, from 1, gapless), its id and its time (UTC). */
public record AuditEntry(long seq, UUID id, Instant at, AuditEvent event) {
}

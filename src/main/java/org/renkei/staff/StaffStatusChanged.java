package org.renkei.staff;

import java.time.Instant;

/**
 * A user's state changed. Published inside the transaction that changed it, so a listener keeping a view of
 * who may use the network sees it before anyone else sees the change.
 */
public record StaffStatusChanged(StaffId staff, StaffStatus from, StaffStatus to, Instant at) {
}

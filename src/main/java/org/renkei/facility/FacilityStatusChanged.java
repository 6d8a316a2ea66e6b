package org.renkei.facility;

import java.time.Instant;

/**
 * A facility's state changed. Published inside the transaction that changed it: a listener that keeps a view of
 * who may use the network (login, access decisions) sees it before the change is visible to anyone else.
 */
public record FacilityStatusChanged(FacilityId facility, FacilityStatus from, FacilityStatus to, Instant at) {
}

package org.renkei.access;

import java.util.UUID;

/**
 * Tells the access view of every node that something a decision depends on changed. Call it inside the
 * transaction that makes the change: the change becomes visible to decisions exactly when it commits.
 */
public interface AccessChanges {

    /** A participant's registered consent changed. */
    void participantChanged(UUID participant);

    /** A staff member's emergency access changed: an activation or a grant opened, or one ended early. */
    void emergencyChanged(UUID staff);
}

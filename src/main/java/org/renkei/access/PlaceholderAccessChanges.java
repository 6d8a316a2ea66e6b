package org.renkei.access;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** Placeholder until the in-memory view: the decision reads the database directly, so there is nothing to tell. */
@Component
class PlaceholderAccessChanges implements AccessChanges {

    @Override
    public void participantChanged(UUID participant) {
    }
}

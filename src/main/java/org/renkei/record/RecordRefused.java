package org.renkei.record;

import org.renkei.platform.web.InvalidInputException;

/**
 * A store or change the access decision refused. The message key never tells a participant who did not permit
 * the facility apart from one who does not exist (CON-01).
 */
public class RecordRefused extends InvalidInputException {

    private final boolean forbidden;

    RecordRefused(String messageKey, boolean forbidden) {
        super(messageKey);
        this.forbidden = forbidden;
    }

    /** Whether the session may not do this at all (HTTP 403), rather than the participant being unknown (422). */
    public boolean forbidden() {
        return forbidden;
    }
}

package org.renkei.audit;

import org.renkei.platform.web.UnavailableException;

/**
 * The audit entry of an access could not be made durable: the access must not be shown (the request fails with
 * 503).
 */
public class AuditUnavailableException extends UnavailableException {

    AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

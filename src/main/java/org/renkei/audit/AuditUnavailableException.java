package org.renkei.audit;

/**
 * The audit entry of an access could not be made durable: the access must not be shown (the request fails).
 */
public class AuditUnavailableException extends RuntimeException {

    AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.renkei.platform.web;

/**
 * Something the request cannot do without is unavailable (the audit trail): the request fails with 503 and shows
 * nothing of what it would have shown. Pages answer a readable 503 page, the FHIR API an OperationOutcome.
 */
public class UnavailableException extends RuntimeException {

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.renkei.filing;

/**
 * What an application does, supplied by the feature that owns what it changes (facility, staff). Called inside
 * the transaction that records the decision or the taking effect, so either both happen or neither.
 */
public interface FilingHandler {

    boolean handles(FilingKind kind);

    /** The application was refused (e.g. an applying facility becomes refused). */
    void refused(Filing filing);

    /** The accepted application takes effect on {@code filing.effectiveOn()}. Called once per application. */
    void takeEffect(Filing filing);
}

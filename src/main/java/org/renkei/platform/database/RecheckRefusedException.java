package org.renkei.platform.database;

import java.util.function.BiConsumer;

/**
 * A check a safe request went ahead on, with the versions this node last read, no longer passes on the versions
 * committed when the request began ({@link CommittedVersions.Counter#tentativelyAt}). The request fails without
 * showing anything: 401, with the header the check names (the API's card refusal code), and from the FHIR API an
 * {@code OperationOutcome}. The message names the refusal only, never who asked or about whom.
 */
public class RecheckRefusedException extends RuntimeException {

    private final String header;
    private final String headerValue;

    /** @param header a response header to answer with (null: none), e.g. the refusal's code for API clients */
    public RecheckRefusedException(String message, String header, String headerValue) {
        super(message);
        this.header = header;
        this.headerValue = headerValue;
    }

    /** Gives the refusal's header, if it has one, to {@code headers} (name, value). */
    public void addHeaderTo(BiConsumer<String, String> headers) {
        if (header != null) {
            headers.accept(header, headerValue);
        }
    }
}

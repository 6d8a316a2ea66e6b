package org.renkei.platform.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import jakarta.servlet.http.HttpServletRequest;
import org.renkei.platform.web.UnavailableException;

/** A request that failed because something it needs is unavailable answers 503, not 500, and says so. */
@Interceptor
final class UnavailableOutcome {

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException unavailable(RequestDetails request, Throwable exception,
            HttpServletRequest servletRequest) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnavailableException) {
                return new UnclassifiedServerFailureException(503,
                        "The service is unavailable for a moment; nothing was shown. Please try again.");
            }
        }
        return null;
    }
}

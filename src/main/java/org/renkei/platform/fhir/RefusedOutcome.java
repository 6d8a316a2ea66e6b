package org.renkei.platform.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.renkei.platform.database.RecheckRefusedException;

/**
 * A request whose login no longer passes on the state committed when it began (a card's standing rechecked, see
 * {@link RecheckRefusedException}) answers 401 with the refusal, not 500, and shows nothing.
 */
@Interceptor
final class RefusedOutcome {

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException refused(RequestDetails request, Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecheckRefusedException refused) {
                var answer = new AuthenticationException(refused.getMessage());
                refused.addHeaderTo(answer::addResponseHeader);
                return answer;
            }
        }
        return null;
    }
}

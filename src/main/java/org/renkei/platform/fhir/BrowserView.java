package org.renkei.platform.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Enumeration;
import java.util.Map;

/**
 * HAPI's HTML view of an answer, for a person looking at the API in a browser ({@code Accept: text/html} or
 * {@code _format=html/json}), as {@link ResponseHighlighterInterceptor} gives it. An answer to a request that cannot
 * ask for HTML — no {@code _format} or {@code _raw} parameter and no {@code Accept} header naming HTML, as from every
 * system using the API — goes out without the interceptor ranking the request's {@code Accept} header first.
 */
final class BrowserView extends ResponseHighlighterInterceptor {

    /** The order HAPI gives the interceptor's own hooks. */
    private static final int ORDER = 10_000;

    @Override
    @Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = ORDER)
    public boolean outgoingResponse(RequestDetails request, ResponseDetails response,
            HttpServletRequest servletRequest, HttpServletResponse servletResponse) {
        return !mayAskForHtml(request, servletRequest)
                || super.outgoingResponse(request, response, servletRequest, servletResponse);
    }

    private static boolean mayAskForHtml(RequestDetails request, HttpServletRequest servletRequest) {
        Map<String, String[]> parameters = request.getParameters();
        if (parameters.containsKey(Constants.PARAM_FORMAT) || parameters.containsKey(PARAM_RAW)) {
            return true;
        }
        if (servletRequest == null) {
            return true;
        }
        Enumeration<String> accept = servletRequest.getHeaders(Constants.HEADER_ACCEPT);
        while (accept != null && accept.hasMoreElements()) {
            String value = accept.nextElement();
            for (int i = 0; value != null && i + 4 <= value.length(); i++) {
                if (value.regionMatches(true, i, "html", 0, 4)) {
                    return true;
                }
            }
        }
        return false;
    }
}

package org.renkei.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.List;

/** HAPI's plain RESTful server with the resource and system providers of every feature, and paged searches. */
class RenkeiFhirServer extends RestfulServer {

    /** Search results kept for their next pages (searches are small: one participant's records). */
    static final int PAGED_SEARCHES_KEPT = 500;
    /**
     * The page size of searches whose provider does not prefer one, and the largest {@code _count}: large, so that
     * searches returning plain lists (organisations, practitioners, participants) still answer in one page.
     */
    static final int PAGE_SIZE = 1000;

    RenkeiFhirServer(FhirContext context, List<IResourceProvider> providers, List<FhirSystemProvider> systemProviders) {
        super(context);
        setServerName("Renkei");
        setImplementationDescription("Renkei regional medical and care information network");
        setDefaultResponseEncoding(EncodingEnum.JSON);
        // compact JSON unless a client asks with _pretty=true: pretty printing costs the server, not the reader
        setDefaultPrettyPrint(false);
        setResourceProviders(List.copyOf(providers));
        setPlainProviders(List.copyOf(systemProviders));
        var paging = new FifoMemoryPagingProvider(PAGED_SEARCHES_KEPT);
        paging.setDefaultPageSize(PAGE_SIZE);
        paging.setMaximumPageSize(PAGE_SIZE);
        setPagingProvider(paging);
        registerInterceptor(new BrowserView());
        registerInterceptor(new UnavailableOutcome());
        registerInterceptor(new RefusedOutcome());
        registerInterceptor(new PreEncodedJson(context));
    }

    /** The header every response already carries, answered by the audit feature's request filter. */
    private static final String REQUEST_ID_HEADER = "X-Request-Id";

    /**
     * Every response already names its request's id — the one the audit trail records, answered before the request
     * reaches the FHIR server. HAPI would set its own over it (a random one, or whatever the client sent, even
     * what the audit feature refused as an id), after collecting every request header into a map to find the
     * header's spelling; it does so only for a response that names none.
     */
    @Override
    protected void addRequestIdToResponse(ServletRequestDetails request, String requestId) {
        if (request.getServletResponse() != null && request.getServletResponse().containsHeader(REQUEST_ID_HEADER)) {
            return;
        }
        super.addRequestIdToResponse(request, requestId);
    }

    private static final char[] REQUEST_ID_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /**
     * The id HAPI gives a request without an {@code X-Request-ID} (for logs and the response header): a correlation
     * id, not a secret, so drawn from the thread's own generator rather than HAPI's default, the JVM's one shared
     * {@code SecureRandom}, which every request thread would queue for.
     */
    @Override
    protected String newRequestId(int length) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        char[] id = new char[length];
        for (int i = 0; i < length; i++) {
            id[i] = REQUEST_ID_CHARACTERS[random.nextInt(REQUEST_ID_CHARACTERS.length)];
        }
        return new String(id);
    }
}

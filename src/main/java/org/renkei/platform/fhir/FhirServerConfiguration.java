package org.renkei.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;

/**
 * The FHIR R4 endpoint at {@code /fhir}. Features contribute their resources as Spring beans implementing
 * HAPI's {@link IResourceProvider} (and system operations as {@link FhirSystemProvider}); this server only hosts
 * them. Who may call what is decided by the security
 * configuration and by each feature.
 */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

    private static final String SERVLET_NAME = "fhir";

    /** HAPI's R4 context, whose search Bundles skip the reference walk for stand-ins ({@link StandInBundleFactory}). */
    @Bean
    FhirContext fhirContext() {
        return StandInBundleFactory.serverContext();
    }

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext context, List<IResourceProvider> providers,
            List<FhirSystemProvider> systemProviders) {
        var server = new RenkeiFhirServer(context, providers, systemProviders);
        var registration = new ServletRegistrationBean<RestfulServer>(server, "/fhir/*");
        registration.setName(SERVLET_NAME);
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * Tells Spring MVC, first of all its handler mappings, that a request of the FHIR servlet is the FHIR servlet's.
     * Spring Security asks Spring MVC's {@code HandlerMappingIntrospector} on every request which handler would
     * serve it; a FHIR request, which no page serves, was otherwise tried against every page's mapping before the
     * answer "none" — a sixth of an API request's CPU time. The handler itself is never reached: the dispatcher
     * servlet of the pages never sees the FHIR servlet's requests.
     */
    @Bean
    HandlerMapping fhirServletRequests() {
        return new FhirServletRequests();
    }

    private static final class FhirServletRequests extends AbstractUrlHandlerMapping {

        private final HttpRequestHandler servedByTheFhirServlet =
                (request, response) -> response.sendError(HttpServletResponse.SC_NOT_FOUND);

        FhirServletRequests() {
            setOrder(Ordered.HIGHEST_PRECEDENCE);
        }

        @Override
        protected Object getHandlerInternal(HttpServletRequest request) {
            return SERVLET_NAME.equals(request.getHttpServletMapping().getServletName())
                    ? servedByTheFhirServlet
                    : null;
        }
    }
}

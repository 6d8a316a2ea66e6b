package org.renkei.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * The FHIR R4 endpoint at {@code /fhir}. Features contribute their resources as Spring beans implementing
 * HAPI's {@link IResourceProvider} (and system operations as {@link FhirSystemProvider}); this server only hosts
 * them. Who may call what is decided by the security
 * configuration and by each feature.
 */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext context, List<IResourceProvider> providers,
            List<FhirSystemProvider> systemProviders) {
        var server = new RenkeiFhirServer(context, providers, systemProviders);
        var registration = new ServletRegistrationBean<RestfulServer>(server, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * {@code /fhir/**} in Spring MVC's own handler mappings, ahead of every controller. Requests there go to the FHIR
     * servlet, never to Spring MVC; but Spring Security asks Spring MVC's mappings which one would handle every
     * request (HandlerMappingIntrospector, for its path matchers and CORS), and without this the answer for a FHIR
     * path was found only after trying every controller mapping in turn — a sizeable part of each FHIR request.
     * The answer is now found at once, and is of the same kind as before (a URL mapping, like the static resources'
     * {@code /**} it used to fall through to; no CORS configuration). Should Spring MVC ever be handed such a path,
     * it answers 404, as the static resources did.
     */
    @Bean
    SimpleUrlHandlerMapping fhirPathsHandlerMapping() {
        HttpRequestHandler notHere = (request, response) -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        var mapping = new SimpleUrlHandlerMapping(Map.of("/fhir/**", notHere), Ordered.HIGHEST_PRECEDENCE);
        return mapping;
    }
}

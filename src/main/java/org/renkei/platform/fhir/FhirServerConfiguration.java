package org.renkei.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}

package org.renkei.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import java.util.List;

/** HAPI's plain RESTful server with the resource providers of every feature. */
class RenkeiFhirServer extends RestfulServer {

    RenkeiFhirServer(FhirContext context, List<IResourceProvider> providers) {
        super(context);
        setServerName("Renkei");
        setImplementationDescription("Renkei regional medical and care information network");
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setDefaultPrettyPrint(true);
        setResourceProviders(List.copyOf(providers));
        registerInterceptor(new ResponseHighlighterInterceptor());
    }
}

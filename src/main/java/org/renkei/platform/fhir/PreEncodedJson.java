package org.renkei.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.util.DateUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * A resource whose JSON a feature already has (a stored record with its {@code id} and {@code meta} written in) is
 * answered as that JSON, instead of HAPI encoding the resource model again: on a plain {@code GET} read, version
 * read or type search answered in JSON with no parameter that changes the encoding ({@code _summary},
 * {@code _elements}, {@code _pretty}, {@code _format}, …). A search Bundle is encoded by HAPI without its entries'
 * resources, which are then put in as their JSON. Anything else — XML, HTML for a browser, a summary, a resource
 * without its JSON — is encoded by HAPI as usual, from the same resource model, so both give the same content.
 *
 * <p>The JSON must be what HAPI's compact encoding of the resource means (same elements and values); features attach
 * it with {@link #attach} only when they build it from the same stored form the model is parsed from.
 */
@Interceptor
public final class PreEncodedJson {

    private static final String KEY = PreEncodedJson.class.getName();
    private static final String CONTENT_TYPE = Constants.CT_FHIR_JSON_NEW + Constants.CHARSET_UTF8_CTSUFFIX;
    /** Search parameters of HAPI's own that leave a search Bundle's encoding as it is. */
    private static final Set<String> NEUTRAL = Set.of(Constants.PARAM_COUNT, Constants.PARAM_INCLUDE);

    private final FhirContext context;
    private final ObjectMapper json = new ObjectMapper();

    PreEncodedJson(FhirContext context) {
        this.context = context;
    }

    /** Remembers the resource's JSON with it, to be answered as is where the encoding would give the same. */
    public static <T extends Resource> T attach(T resource, String encoded) {
        resource.setUserData(KEY, encoded);
        return resource;
    }

    private static String of(IBaseResource resource) {
        return resource instanceof Resource r && r.getUserData(KEY) instanceof String s ? s : null;
    }

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean outgoing(RequestDetails request, ResponseDetails response, HttpServletResponse servletResponse)
            throws IOException {
        IBaseResource resource = response.getResponseResource();
        if (resource == null || servletResponse == null || response.getResponseCode() != 200
                || request.getRequestType() != RequestTypeEnum.GET || !plainJson(request)) {
            return true;
        }
        RestOperationTypeEnum operation = request.getRestOperationType();
        if ((operation == RestOperationTypeEnum.READ || operation == RestOperationTypeEnum.VREAD)
                && request.getParameters().isEmpty()) {
            String encoded = of(resource);
            if (encoded == null) {
                return true;
            }
            Resource r = (Resource) resource;
            if (r.getIdElement().hasVersionIdPart()) {
                servletResponse.addHeader(Constants.HEADER_ETAG, "W/\"" + r.getIdElement().getVersionIdPart() + '"');
            }
            lastModified(servletResponse, r.getMeta().getLastUpdated());
            write(servletResponse, encoded.getBytes(StandardCharsets.UTF_8));
            return false;
        }
        if (operation == RestOperationTypeEnum.SEARCH_TYPE && resource instanceof Bundle bundle) {
            byte[] encoded = bundle(bundle);
            if (encoded == null) {
                return true;
            }
            lastModified(servletResponse, bundle.getMeta().getLastUpdated());
            write(servletResponse, encoded);
            return false;
        }
        return true;
    }

    /** The Bundle encoded by HAPI without its entries' resources, then each put in as its JSON. */
    private byte[] bundle(Bundle bundle) throws IOException {
        List<String> resources = new ArrayList<>(bundle.getEntry().size());
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            String encoded = entry.hasResource() ? of(entry.getResource()) : null;
            if (encoded == null) {
                return null;
            }
            resources.add(encoded);
        }
        List<Resource> kept = new ArrayList<>(resources.size());
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            kept.add(entry.getResource());
            entry.setResource(null);
        }
        String shell;
        try {
            shell = context.newJsonParser().encodeResourceToString(bundle);
        } finally {
            for (int i = 0; i < kept.size(); i++) {
                bundle.getEntry().get(i).setResource(kept.get(i));
            }
        }
        ObjectNode tree = (ObjectNode) json.readTree(shell);
        JsonNode entries = tree.get("entry");
        if (!resources.isEmpty()) {
            if (!(entries instanceof ArrayNode array) || array.size() != resources.size()) {
                return null;
            }
            for (int i = 0; i < array.size(); i++) {
                ObjectNode entry = (ObjectNode) array.get(i);
                ObjectNode withResource = json.createObjectNode();
                if (entry.has("fullUrl")) {
                    withResource.set("fullUrl", entry.get("fullUrl"));
                }
                withResource.putRawValue("resource", new RawValue(resources.get(i)));
                Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!field.getKey().equals("fullUrl")) {
                        withResource.set(field.getKey(), field.getValue());
                    }
                }
                array.set(i, withResource);
            }
        }
        return json.writeValueAsBytes(tree);
    }

    /** JSON asked for or accepted, nothing that changes the encoding; a browser's HTML view is left to HAPI. */
    private static boolean plainJson(RequestDetails request) {
        for (String name : request.getParameters().keySet()) {
            if (name.startsWith("_") && !NEUTRAL.contains(name)) {
                return false;
            }
        }
        List<String> accepts = request.getHeaders(Constants.HEADER_ACCEPT);
        if (accepts == null || accepts.isEmpty()) {
            return true;
        }
        for (String accept : accepts) {
            String a = accept.toLowerCase(java.util.Locale.ROOT).trim();
            if (a.isEmpty() || a.equals("*/*")) {
                continue;
            }
            if (!a.contains("json") || a.contains("xml") || a.contains("html") || a.contains(",")
                    || a.contains("pretty")) {
                return false;
            }
        }
        return true;
    }

    private static void lastModified(HttpServletResponse response, Date lastUpdated) {
        if (lastUpdated != null) {
            response.addHeader(Constants.HEADER_LAST_MODIFIED, DateUtils.formatDate(lastUpdated));
        }
    }

    private static void write(HttpServletResponse response, byte[] body) throws IOException {
        response.setStatus(200);
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}

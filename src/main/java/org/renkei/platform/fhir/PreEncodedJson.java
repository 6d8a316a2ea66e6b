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
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * A resource whose JSON a feature already has (a stored record with its {@code id} and {@code meta} written in) is
 * answered as that JSON, instead of HAPI encoding the resource model again: on a plain {@code GET} read, version
 * read or type search answered in JSON with no parameter that changes the encoding ({@code _summary},
 * {@code _elements}, {@code _pretty}, {@code _format}, …). A search Bundle is written around its entries'
 * resources' JSON (see {@link #bundle}). Anything else — XML, HTML for a browser, a summary, a resource
 * without its JSON — is encoded by HAPI as usual, from the same resource model, so both give the same content.
 *
 * <p>The JSON must be what HAPI's compact encoding of the resource means (same elements and values); features attach
 * it with {@link #attach} only when they build it from the same stored form the model is parsed from. With {@link
 * #inPlaceOf} the model holds only the id and {@code meta} (no parsing for an answer that does not need it); this
 * interceptor, the first at {@code SERVER_OUTGOING_RESPONSE}, parses the JSON into the full resource wherever
 * HAPI is to encode the answer itself. An interceptor that reads records' content must run after it.
 */
@Interceptor
public final class PreEncodedJson {

    private static final String KEY = PreEncodedJson.class.getName();
    private static final String STUB = KEY + ".stub";
    private static final String PLACEHOLDER = "renkei-pre-encoded-";
    private static final String CONTENT_TYPE = Constants.CT_FHIR_JSON_NEW + Constants.CHARSET_UTF8_CTSUFFIX;
    /** Search parameters of HAPI's own that leave a search Bundle's encoding as it is. */
    private static final Set<String> NEUTRAL = Set.of(Constants.PARAM_COUNT, Constants.PARAM_INCLUDE);
    private static final JsonStringEncoder JSON_STRINGS = JsonStringEncoder.getInstance();
    /** An HTTP date, as HAPI writes {@code Last-Modified} ({@code DateUtils.formatDate}). */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final FhirContext context;

    PreEncodedJson(FhirContext context) {
        this.context = context;
    }

    /** Remembers the resource's JSON with it, to be answered as is where the encoding would give the same. */
    public static <T extends Resource> T attach(T resource, String encoded) {
        resource.setUserData(KEY, encoded);
        return resource;
    }

    /**
     * A resource model that holds only its id and {@code meta}, standing for the full resource whose JSON is given
     * (the full model is parsed from it where HAPI encodes the answer).
     */
    public static <T extends Resource> T inPlaceOf(T idAndMeta, String encoded) {
        idAndMeta.setUserData(KEY, encoded);
        idAndMeta.setUserData(STUB, Boolean.TRUE);
        return idAndMeta;
    }

    /** Whether the resource is a stand-in made by {@link #inPlaceOf}. */
    static boolean standIn(IBaseResource resource) {
        return resource instanceof Resource r && r.getUserData(STUB) != null;
    }

    /** The full resource for a stand-in, parsed from its JSON; any other resource as it is. */
    private Resource full(Resource resource) {
        if (!standIn(resource)) {
            return resource;
        }
        Resource parsed = (Resource) context.newJsonParser().parseResource(of(resource));
        parsed.setId(resource.getIdElement());
        return parsed;
    }

    /** Stand-ins replaced by their full resources, before HAPI (or another interceptor) sees the answer. */
    private void complete(ResponseDetails response) {
        IBaseResource resource = response.getResponseResource();
        if (resource instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.hasResource() && standIn(entry.getResource())) {
                    entry.setResource(full(entry.getResource()));
                }
            }
        } else if (standIn(resource)) {
            response.setResponseResource(full((Resource) resource));
        }
    }

    private static String of(IBaseResource resource) {
        return resource instanceof Resource r && r.getUserData(KEY) instanceof String s ? s : null;
    }

    @Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = Integer.MIN_VALUE)
    public boolean outgoing(RequestDetails request, ResponseDetails response, HttpServletResponse servletResponse)
            throws IOException {
        if (answered(request, response, servletResponse)) {
            return false;
        }
        complete(response);
        return true;
    }

    /** Whether the answer was written from the JSON; if not, HAPI encodes it. */
    private boolean answered(RequestDetails request, ResponseDetails response, HttpServletResponse servletResponse)
            throws IOException {
        IBaseResource resource = response.getResponseResource();
        if (resource == null || servletResponse == null || response.getResponseCode() != 200
                || request.getRequestType() != RequestTypeEnum.GET || !plainJson(request)) {
            return false;
        }
        RestOperationTypeEnum operation = request.getRestOperationType();
        if ((operation == RestOperationTypeEnum.READ || operation == RestOperationTypeEnum.VREAD)
                && request.getParameters().isEmpty()) {
            String encoded = of(resource);
            if (encoded == null) {
                return false;
            }
            Resource r = (Resource) resource;
            if (r.getIdElement().hasVersionIdPart()) {
                servletResponse.addHeader(Constants.HEADER_ETAG, "W/\"" + r.getIdElement().getVersionIdPart() + '"');
                servletResponse.addHeader(Constants.HEADER_CONTENT_LOCATION, r.getIdElement()
                        .withServerBase(request.getFhirServerBase(), r.fhirType()).getValue());
            }
            lastModified(servletResponse, r.getMeta().getLastUpdated());
            write(servletResponse, encoded.getBytes(StandardCharsets.UTF_8));
            return true;
        }
        if (operation == RestOperationTypeEnum.SEARCH_TYPE && resource instanceof Bundle bundle) {
            byte[] encoded = bundle(bundle);
            if (encoded == null) {
                return false;
            }
            lastModified(servletResponse, bundle.getMeta().getLastUpdated());
            write(servletResponse, encoded);
            return true;
        }
        return false;
    }

    /**
     * The search Bundle's JSON with each entry's resource as its JSON. A Bundle holding only what HAPI puts in a
     * search answer (id, {@code meta.lastUpdated}, type, total, links, entries of full URL, resource and search mode)
     * is written here element by element in HAPI's order; any other is encoded by HAPI with a small placeholder in
     * place of each entry's resource, then each placeholder replaced by the resource's JSON. Null when an entry has
     * no JSON (HAPI encodes the Bundle).
     */
    byte[] bundle(Bundle bundle) {
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        List<String> resources = new ArrayList<>(entries.size());
        for (Bundle.BundleEntryComponent entry : entries) {
            String encoded = entry.hasResource() ? of(entry.getResource()) : null;
            if (encoded == null) {
                return null;
            }
            resources.add(encoded);
        }
        return plainSearchAnswer(bundle) ? searchAnswer(bundle, resources) : withPlaceholders(bundle, resources);
    }

    /** Whether the Bundle has no element but those {@link #searchAnswer} writes. */
    private static boolean plainSearchAnswer(Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.SEARCHSET || bundle.hasIdentifier() || bundle.hasTimestamp()
                || bundle.hasSignature() || bundle.hasImplicitRules() || bundle.hasLanguage()) {
            return false;
        }
        var meta = bundle.getMeta();
        if (meta.hasVersionId() || meta.hasProfile() || meta.hasTag() || meta.hasSecurity() || meta.hasSource()
                || meta.hasExtension() || meta.hasId()) {
            return false;
        }
        for (Bundle.BundleLinkComponent link : bundle.getLink()) {
            if (link.hasId() || link.hasExtension() || link.hasModifierExtension() || !link.hasRelation()
                    || !link.hasUrl()) {
                return false;
            }
        }
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.hasId() || entry.hasExtension() || entry.hasModifierExtension() || entry.hasLink()
                    || entry.hasRequest() || entry.hasResponse()) {
                return false;
            }
            var search = entry.getSearch();
            if (search.hasScore() || search.hasId() || search.hasExtension() || search.hasModifierExtension()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The plain search Bundle written element by element, as HAPI's compact JSON encoding writes it (strings escaped
     * as JSON strings; the entries' JSON copied as it is), turned into UTF-8 once at the end.
     */
    private static byte[] searchAnswer(Bundle bundle, List<String> resources) {
        var out = new StringBuilder(256 + 160 * resources.size() + resources.stream().mapToInt(String::length).sum());
        out.append("{\"resourceType\":\"Bundle\"");
        if (bundle.getIdElement().hasIdPart()) {
            string(out.append(','), "id", bundle.getIdElement().getIdPart());
        }
        if (bundle.getMeta().hasLastUpdated()) {
            string(out.append(",\"meta\":{"), "lastUpdated", bundle.getMeta().getLastUpdatedElement().getValueAsString())
                    .append('}');
        }
        string(out.append(','), "type", bundle.getType().toCode());
        if (bundle.hasTotal()) {
            out.append(",\"total\":").append(bundle.getTotal());
        }
        if (bundle.hasLink()) {
            out.append(",\"link\":[");
            for (int i = 0; i < bundle.getLink().size(); i++) {
                Bundle.BundleLinkComponent link = bundle.getLink().get(i);
                out.append(i == 0 ? "{" : ",{");
                string(out, "relation", link.getRelation());
                string(out.append(','), "url", link.getUrl()).append('}');
            }
            out.append(']');
        }
        if (bundle.hasEntry()) {
            out.append(",\"entry\":[");
            for (int i = 0; i < resources.size(); i++) {
                Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
                out.append(i == 0 ? "{" : ",{");
                if (entry.hasFullUrl()) {
                    string(out, "fullUrl", entry.getFullUrl()).append(',');
                }
                out.append("\"resource\":").append(resources.get(i));
                if (entry.getSearch().hasMode()) {
                    string(out.append(",\"search\":{"), "mode", entry.getSearch().getMode().toCode()).append('}');
                }
                out.append('}');
            }
            out.append(']');
        }
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code "name":"value"}, the value escaped as a JSON string. */
    private static StringBuilder string(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":\"");
        JSON_STRINGS.quoteAsString(value, out);
        return out.append('"');
    }

    private byte[] withPlaceholders(Bundle bundle, List<String> resources) {
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        List<Resource> kept = new ArrayList<>(entries.size());
        String shell;
        try {
            for (int i = 0; i < entries.size(); i++) {
                kept.add(entries.get(i).getResource());
                entries.get(i).setResource(new Basic().setIdElement(new IdType(PLACEHOLDER + i)));
            }
            shell = context.newJsonParser().encodeResourceToString(bundle);
        } finally {
            for (int i = 0; i < kept.size(); i++) {
                entries.get(i).setResource(kept.get(i));
            }
        }
        StringBuilder out = new StringBuilder(shell.length() + resources.stream().mapToInt(String::length).sum());
        int at = 0;
        for (int i = 0; i < resources.size(); i++) {
            String placeholder = "{\"resourceType\":\"Basic\",\"id\":\"" + PLACEHOLDER + i + "\"}";
            int found = shell.indexOf(placeholder, at);
            if (found < 0) {
                return null;
            }
            out.append(shell, at, found).append(resources.get(i));
            at = found + placeholder.length();
        }
        out.append(shell, at, shell.length());
        return out.toString().getBytes(StandardCharsets.UTF_8);
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
            String a = accept.toLowerCase(Locale.ROOT).trim();
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
            response.addHeader(Constants.HEADER_LAST_MODIFIED, HTTP_DATE.format(lastUpdated.toInstant()));
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

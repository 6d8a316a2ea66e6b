package org.renkei.record;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.renkei.consent.CardNumbers;
import org.renkei.consent.ConsentFhir;
import org.renkei.consent.Participant;
import org.renkei.consent.ParticipantDirectory;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.identity.Actor;
import org.renkei.identity.CurrentActor;
import org.renkei.platform.fhir.Outcomes;
import org.renkei.platform.fhir.PreEncodedJson;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the record providers share: who is calling, parsing incoming resources, finding the participant a
 * resource is about, the author written into {@code meta}, and how refusals become FHIR answers — a broken rule is
 * a 400, a participant who cannot be found or did not permit the facility a 422 with one and the same message, a
 * session that may not store a 403, and a record the caller may not see a 404 exactly like one that does not
 * exist. Every answer names the rule as {@code OperationOutcome.issue.details.coding} ({@value Outcomes#MESSAGE_SYSTEM}).
 */
@Component
class RecordFhir {

    /** {@code meta.extension}: the facility that stored the record (its author, DOC-02), {@code Organization/<id>}. */
    static final String AUTHOR_ORGANIZATION = "urn:renkei:fhir:extension:record-author-organization";
    /** {@code meta.extension}: the user who stored this version, {@code Practitioner/<staff id>}. */
    static final String AUTHOR_PRACTITIONER = "urn:renkei:fhir:extension:record-author-practitioner";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirContext fhir;
    private final MessageSource messages;
    private final ParticipantDirectory directory;
    private final FacilityRegistry facilities;

    RecordFhir(FhirContext fhir, MessageSource messages, ParticipantDirectory directory, FacilityRegistry facilities) {
        this.fhir = fhir;
        this.messages = messages;
        this.directory = directory;
        this.facilities = facilities;
    }

    FhirContext context() {
        return fhir;
    }

    /** The person calling; the security configuration lets only the operator's staff and users reach /fhir. */
    static Actor actor() {
        return CurrentActor.get().orElseThrow(() -> new AuthenticationException("Login required"));
    }

    /** A resource of the wanted type from a request body (JSON or XML); anything else is a 400. */
    <T extends Resource> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw invalid("record.fhir.body");
        }
        String trimmed = body.stripLeading();
        IParser parser = trimmed.startsWith("<") ? fhir.newXmlParser() : fhir.newJsonParser();
        parser.setParserErrorHandler(new StrictErrorHandler());
        Object parsed;
        try {
            parsed = parser.parseResource(body);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw invalid("record.fhir.parse", shorten(e.getMessage()));
        }
        if (!type.isInstance(parsed)) {
            throw invalid("record.fhir.type", ((Resource) parsed).fhirType(), fhir.getResourceType(type));
        }
        return type.cast(parsed);
    }

    private static String shorten(String message) {
        if (message == null) {
            return "";
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    /**
     * The participant a resource is about: {@code Patient/<participant id>}, or an identifier — the participant
     * card number, or a patient number of the caller's own facility. Whether the participant exists and permitted
     * the facility is decided when storing; a reference that cannot name anyone is refused in the same words.
     */
    UUID participant(Actor actor, Reference reference) {
        if (reference.getReference() != null && !reference.getReference().isBlank()) {
            return FhirRecords.participantId(reference).orElseThrow(RecordFhir::unknownParticipant);
        }
        Identifier identifier = reference.getIdentifier();
        String system = identifier.getSystem();
        String value = identifier.getValue();
        if (system == null || value == null || value.isBlank()) {
            throw unknownParticipant();
        }
        Optional<Participant> found;
        try {
            if (ConsentFhir.CARD_NUMBER_SYSTEM.equals(system)) {
                String card = CardNumbers.normalize(value);
                found = directory.byCardNumber(actor, card).filter(p -> card.equals(p.cardNumber()));
            } else {
                found = ConsentFhir.facilityCodeOf(system).flatMap(facilities::findByCode)
                        .filter(f -> ConsentFhir.patientNumberSystem(f).equals(system))
                        .flatMap(f -> directory.byPatientNumber(actor, f.id(), value));
            }
        } catch (InvalidInputException e) {
            throw unknownParticipant();
        }
        return found.map(p -> p.id().value()).orElseThrow(RecordFhir::unknownParticipant);
    }

    static RecordRefused unknownParticipant() {
        return new RecordRefused("record.participant.unknown", false);
    }

    /** Writes the version, time and author of a stored version into the resource's {@code meta}. */
    static void author(Resource resource, UUID facility, UUID staff, int version, Date at) {
        Meta meta = resource.getMeta();
        meta.setVersionId(Integer.toString(version));
        meta.setLastUpdated(at);
        meta.getExtension().removeIf(e -> AUTHOR_ORGANIZATION.equals(e.getUrl())
                || AUTHOR_PRACTITIONER.equals(e.getUrl()));
        meta.addExtension(AUTHOR_ORGANIZATION, new Reference("Organization/" + facility));
        if (staff != null) {
            meta.addExtension(AUTHOR_PRACTITIONER, new Reference("Practitioner/" + staff));
        }
    }

    /** A stored version as the resource a client reads: its id with the version, and its meta. */
    Resource present(FhirRecords records, StoredRecord record) {
        Resource resource = records.decode(record);
        resource.setId(new IdType(record.resourceType(), record.id().toString(), Integer.toString(record.version())));
        Date at = Date.from(record.storedAt());
        author(resource, record.authorFacility(), record.authorStaff(), record.version(), at);
        String json = presentedJson(record, at);
        return json == null ? resource : PreEncodedJson.attach(resource, json);
    }

    /**
     * A stored version for an answer that is usually sent as JSON (a read, a search without includes): the resource's
     * JSON with a model of only its id and {@code meta}, the full model parsed only if HAPI is to encode the answer
     * itself ({@link PreEncodedJson#inPlaceOf}).
     */
    Resource presentForAnswer(FhirRecords records, StoredRecord record) {
        Date at = Date.from(record.storedAt());
        String json = presentedJson(record, at);
        if (json == null) {
            return present(records, record);
        }
        Resource resource = (Resource) fhir.getResourceDefinition(record.resourceType()).newInstance();
        resource.setId(new IdType(record.resourceType(), record.id().toString(), Integer.toString(record.version())));
        author(resource, record.authorFacility(), record.authorStaff(), record.version(), at);
        return PreEncodedJson.inPlaceOf(resource, json);
    }

    /**
     * The same as {@link #present} in JSON, made from the stored JSON with its {@code id} and {@code meta} written in
     * as {@link #author} does, so that a read can be answered without HAPI encoding the resource again. Null when the
     * stored form is not a JSON object (then HAPI encodes the resource).
     */
    static String presentedJson(StoredRecord record, Date at) {
        String spliced = splicedJson(record, at);
        return spliced != null ? spliced : presentedJsonByTree(record, at);
    }

    /**
     * {@link #presentedJson} without building the stored resource as a tree: the stored JSON is scanned once, its
     * {@code resourceType}, {@code id} and {@code meta} (which come first, as HAPI encodes them) are written anew
     * and everything after them is copied as it is. Null when the stored JSON is of another shape (an {@code id} or
     * {@code meta} after other elements, no {@code resourceType}): then the tree is built.
     */
    static String splicedJson(StoredRecord record, Date at) {
        String compact = splicedCompact(record, at);
        if (compact != null) {
            return compact;
        }
        String content = record.content();
        String resourceType = null;
        JsonNode storedMeta = null;
        int restFrom = -1;
        int restTo;
        try (JsonParser parser = JSON.getFactory().createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                long at0 = parser.currentTokenLocation().getCharOffset();
                JsonToken value = parser.nextToken();
                boolean ours = name.equals("resourceType") || name.equals("id") || name.equals("meta");
                if (ours && restFrom >= 0) {
                    return null;
                }
                if (name.equals("resourceType")) {
                    if (value != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    resourceType = parser.getText();
                } else if (name.equals("meta")) {
                    storedMeta = JSON.readTree(parser);
                } else {
                    if (!ours && restFrom < 0) {
                        restFrom = (int) at0;
                    }
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                return null;
            }
            restTo = (int) parser.currentTokenLocation().getCharOffset();
            if (parser.nextToken() != null) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        if (resourceType == null || restFrom < 0 || restTo <= restFrom || content.charAt(restTo) != '}') {
            return null;
        }
        if (storedMeta == null) {
            // the usual case (HAPI encodes no empty meta): the head written as it is, no tree at all
            return withHead(record, at, resourceType, content, restFrom, restTo);
        }
        ObjectNode head = JSON.createObjectNode();
        head.put("resourceType", resourceType);
        head.put("id", record.id().toString());
        head.set("meta", meta(record, at, storedMeta));
        String written;
        try {
            written = JSON.writeValueAsString(head);
        } catch (JsonProcessingException e) {
            return null;
        }
        return new StringBuilder(written.length() + restTo - restFrom + 1)
                .append(written, 0, written.length() - 1).append(',')
                .append(content, restFrom, restTo).append('}').toString();
    }

    private static final String COMPACT_START = "{\"resourceType\":\"";

    /**
     * {@link #splicedJson} for the form the store writes ({@link FhirRecords#encode}: HAPI's compact JSON, which
     * begins with {@code resourceType}, then {@code id} and {@code meta} if present, and writes every element once, in
     * its definition's order): only the head is looked at, the rest is copied without being scanned. Null for any
     * other form, and when the stored JSON has a {@code meta} of its own (then the scan keeps what it holds).
     */
    static String splicedCompact(StoredRecord record, Date at) {
        String content = record.content();
        int last = content.length() - 1;
        if (!content.startsWith(COMPACT_START) || content.charAt(last) != '}') {
            return null;
        }
        int typeEnd = content.indexOf('"', COMPACT_START.length());
        if (typeEnd < 0 || !plainName(content, COMPACT_START.length(), typeEnd)) {
            return null;
        }
        int next = typeEnd + 1;
        if (content.startsWith(",\"id\":\"", next)) {
            int idStart = next + 7;
            int idEnd = content.indexOf('"', idStart);
            if (idEnd < 0 || content.lastIndexOf('\\', idEnd) >= idStart) {
                return null;
            }
            next = idEnd + 1;
        }
        if (next >= last || content.charAt(next) != ',' || content.startsWith(",\"meta\":", next)) {
            return null;
        }
        return withHead(record, at, content.substring(COMPACT_START.length(), typeEnd), content, next + 1, last);
    }

    /** Whether the text between from and to is a resource type's name (letters only, nothing to escape). */
    private static boolean plainName(String text, int from, int to) {
        if (to <= from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The resource's JSON: its type, id and {@code meta} as {@link #author} writes them (no stored {@code meta}), then
     * the stored elements between restFrom and restTo as they are.
     */
    private static String withHead(StoredRecord record, Date at, String resourceType, String content, int restFrom,
            int restTo) {
        var out = new StringBuilder(300 + restTo - restFrom).append(COMPACT_START);
        JsonStringEncoder.getInstance().quoteAsString(resourceType, out);
        out.append("\",\"id\":\"").append(record.id()).append("\",\"meta\":{\"extension\":[");
        authorExtension(out, AUTHOR_ORGANIZATION, "Organization/" + record.authorFacility());
        if (record.authorStaff() != null) {
            authorExtension(out.append(','), AUTHOR_PRACTITIONER, "Practitioner/" + record.authorStaff());
        }
        return out.append("],\"versionId\":\"").append(record.version()).append("\",\"lastUpdated\":\"")
                .append(lastUpdated(at)).append("\"},")
                .append(content, restFrom, restTo).append('}').toString();
    }

    private static final DateTimeFormatter LAST_UPDATED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");

    /**
     * {@code meta.lastUpdated} as HAPI's {@code InstantType} writes a time (to the millisecond, with the JVM's zone
     * as an offset), without the calendar HAPI builds for it.
     */
    static String lastUpdated(Date at) {
        return LAST_UPDATED.format(at.toInstant().atZone(ZoneId.systemDefault()));
    }

    /** The resource's {@code meta}: the stored one's, with its author, version and time as {@link #author} writes. */
    private static ObjectNode meta(StoredRecord record, Date at, JsonNode storedMeta) {
        ObjectNode meta = JSON.createObjectNode();
        ArrayNode extensions = meta.putArray("extension");
        if (storedMeta != null && storedMeta.get("extension") instanceof ArrayNode kept) {
            for (JsonNode extension : kept) {
                String url = extension.path("url").asText();
                if (!AUTHOR_ORGANIZATION.equals(url) && !AUTHOR_PRACTITIONER.equals(url)) {
                    extensions.add(extension);
                }
            }
        }
        extensions.add(authorExtension(AUTHOR_ORGANIZATION, "Organization/" + record.authorFacility()));
        if (record.authorStaff() != null) {
            extensions.add(authorExtension(AUTHOR_PRACTITIONER, "Practitioner/" + record.authorStaff()));
        }
        meta.put("versionId", Integer.toString(record.version()));
        meta.put("lastUpdated", lastUpdated(at));
        if (storedMeta instanceof ObjectNode others) {
            copyExcept(others, meta, "extension", "versionId", "lastUpdated");
        }
        return meta;
    }

    /** {@link #presentedJson} by building the stored resource as a tree: for any shape of stored JSON object. */
    static String presentedJsonByTree(StoredRecord record, Date at) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(record.content());
        } catch (JsonProcessingException e) {
            return null;
        }
        if (!(parsed instanceof ObjectNode stored) || !stored.has("resourceType")) {
            return null;
        }
        ObjectNode out = JSON.createObjectNode();
        out.set("resourceType", stored.get("resourceType"));
        out.put("id", record.id().toString());
        out.set("meta", meta(record, at, stored.get("meta")));
        copyExcept(stored, out, "resourceType", "id", "meta");
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** An author extension as {@link #authorExtension(String, String)} writes it (url and reference need no escape). */
    private static void authorExtension(StringBuilder out, String url, String reference) {
        out.append("{\"url\":\"").append(url).append("\",\"valueReference\":{\"reference\":\"").append(reference)
                .append("\"}}");
    }

    private static ObjectNode authorExtension(String url, String reference) {
        ObjectNode extension = JSON.createObjectNode();
        extension.put("url", url);
        extension.putObject("valueReference").put("reference", reference);
        return extension;
    }

    private static void copyExcept(ObjectNode from, ObjectNode to, String... skipped) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!java.util.Arrays.asList(skipped).contains(field.getKey())) {
                to.set(field.getKey(), field.getValue());
            }
        }
    }

    /** The record id a FHIR id names; an id that cannot be a record is not found, like an unknown one. */
    static UUID recordId(IIdType id) {
        try {
            return UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ResourceNotFoundException(id);
        }
    }

    /** Runs a provider method, turning the store's refusals into FHIR answers. */
    <T> T call(IIdType id, Supplier<T> work) {
        try {
            return work.get();
        } catch (BaseServerResponseException e) {
            throw e;
        } catch (NotFoundException e) {
            throw id == null ? new ResourceNotFoundException("record") : new ResourceNotFoundException(id);
        } catch (RecordRefused e) {
            OperationOutcome outcome = outcome(e.messageKey(), e.arguments());
            String text = outcome.getIssueFirstRep().getDiagnostics();
            if (e.forbidden()) {
                outcome.getIssueFirstRep().setCode(OperationOutcome.IssueType.FORBIDDEN);
                throw new ForbiddenOperationException(text, outcome);
            }
            outcome.getIssueFirstRep().setCode(OperationOutcome.IssueType.PROCESSING);
            throw new UnprocessableEntityException(text, outcome);
        } catch (RecordVersionConflict e) {
            OperationOutcome outcome = outcome("record.update.versionConflict", e.expected(), e.current());
            outcome.getIssueFirstRep().setCode(OperationOutcome.IssueType.CONFLICT);
            throw new PreconditionFailedException(outcome.getIssueFirstRep().getDiagnostics(), outcome);
        } catch (InvalidInputException e) {
            throw invalid(e.messageKey(), e.arguments());
        }
    }

    /** A 400 whose OperationOutcome names the rule (message key) and says it in Japanese. */
    InvalidRequestException invalid(String key, Object... arguments) {
        OperationOutcome outcome = outcome(key, arguments);
        return new InvalidRequestException(outcome.getIssueFirstRep().getDiagnostics(), outcome);
    }

    OperationOutcome outcome(String key, Object... arguments) {
        return Outcomes.invalid(messages, key, arguments);
    }

    /** The facility an {@code author-facility} search value names, or null when it cannot name one. */
    static Optional<FacilityId> facility(String idPart) {
        try {
            return Optional.of(new FacilityId(UUID.fromString(idPart)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}

package org.renkei.record;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.renkei.identity.Actor;
import org.renkei.platform.time.JapanTime;

/**
 * The shared records of one FHIR resource type (INT-01, DOC-01…DOC-04): create, update (a new version; status
 * entered-in-error marks the record instead of deleting it), read, vread, instance history and search of one
 * participant's records. One class serves every kind; what differs is the resource type and the record kinds it
 * holds. Everything passes {@link SharedRecords}, so the access decision answers every request: a record the
 * caller may not see is a 404 like a random id, and is absent from searches, their totals, includes and pages.
 *
 * <p>Search parameters: {@code patient} (required: {@code Patient/<participant id>}), {@code date} (the clinical
 * date; {@code ge}/{@code gt}/{@code le}/{@code lt}/{@code eq}), {@code code} (the record's main code,
 * {@code system|code}), {@code category} (DocumentReference: {@code urn:renkei:record-category|care-note} or
 * anything else for attachments), {@code type} (Bundle: the document's LOINC type), {@code author-facility}
 * ({@code Organization/<id>}: records stored by that facility), {@code _count} and {@code _include=
 * MedicationDispense:prescription}.
 */
class RecordResourceProvider<T extends Resource> implements IResourceProvider {

    static final String SP_AUTHOR_FACILITY = "author-facility";
    static final String INCLUDE_PRESCRIPTION = "MedicationDispense:prescription";

    private final Class<T> type;
    private final String typeName;
    private final Set<RecordCategory> categories;
    private final SharedRecords records;
    private final FhirRecords fhirRecords;
    private final RecordFhir fhir;
    private final RecordWriter writer;

    RecordResourceProvider(Class<T> type, SharedRecords records, FhirRecords fhirRecords, RecordFhir fhir,
            RecordWriter writer) {
        this.type = type;
        this.typeName = fhir.context().getResourceType(type);
        EnumSet<RecordCategory> kinds = EnumSet.noneOf(RecordCategory.class);
        for (RecordCategory c : RecordCategory.values()) {
            if (c.resourceType().equals(typeName)) {
                kinds.add(c);
            }
        }
        this.categories = Set.copyOf(kinds);
        this.records = records;
        this.fhirRecords = fhirRecords;
        this.fhir = fhir;
        this.writer = writer;
    }

    @Override
    public Class<T> getResourceType() {
        return type;
    }

    /** Stores a new record; the server assigns its id, the caller's facility and user become its author. */
    @Create
    public MethodOutcome create(@ResourceParam String body) {
        Actor actor = RecordFhir.actor();
        T resource = fhir.parse(body, type);
        UUID id = UUID.randomUUID();
        resource.setId(new IdType(typeName, id.toString()));
        StoredRecord stored = fhir.call(null, () -> writer.create(List.of(resource), actor).get(0));
        return outcome(stored).setCreated(true);
    }

    /** A new version of a record this facility stored. */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam String body) {
        Actor actor = RecordFhir.actor();
        UUID recordId = RecordFhir.recordId(id);
        T resource = fhir.parse(body, type);
        if (resource.hasIdElement() && resource.getIdElement().hasIdPart()
                && !resource.getIdElement().getIdPart().equals(id.getIdPart())) {
            throw fhir.invalid("record.fhir.id.mismatch");
        }
        Integer onVersion = ifMatch(id);
        StoredRecord stored = fhir.call(id, () -> writer.update(resource, recordId, actor, onVersion));
        return outcome(stored);
    }

    /** The version an {@code If-Match: W/"n"} header names (HAPI puts it into the id); null without one. */
    private Integer ifMatch(IdType id) {
        if (!id.hasVersionIdPart()) {
            return null;
        }
        try {
            return Integer.valueOf(id.getVersionIdPart());
        } catch (NumberFormatException e) {
            throw fhir.invalid("record.update.ifMatch");
        }
    }

    /** Records are never deleted. */
    @Delete
    public MethodOutcome delete(@IdParam IdType id) {
        var outcome = fhir.outcome("record.delete.refused");
        throw new MethodNotAllowedException(outcome.getIssueFirstRep().getDiagnostics(), outcome);
    }

    private MethodOutcome outcome(StoredRecord stored) {
        Resource resource = fhir.present(fhirRecords, stored);
        return new MethodOutcome(resource.getIdElement()).setResource(resource);
    }

    /** The current version, or with {@code _history/<version>} that one. */
    @Read(version = true)
    public Resource read(@IdParam IdType id) {
        Actor actor = RecordFhir.actor();
        UUID recordId = RecordFhir.recordId(id);
        StoredRecord record;
        if (id.hasVersionIdPart()) {
            int version;
            try {
                version = Integer.parseInt(id.getVersionIdPart());
            } catch (NumberFormatException e) {
                throw new ResourceNotFoundException(id);
            }
            record = records.readVersion(actor, recordId, SharedRecords.ofKind(categories), version)
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        } else {
            record = records.read(actor, recordId, SharedRecords.ofKind(categories))
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }
        return fhir.presentForAnswer(fhirRecords, record);
    }

    /** Every version, newest first; a record the caller may not see has no history to show (404). */
    @History
    public List<IBaseResource> history(@IdParam IdType id) {
        Actor actor = RecordFhir.actor();
        List<StoredRecord> versions = records.history(actor, RecordFhir.recordId(id), SharedRecords.ofKind(categories));
        if (versions.isEmpty()) {
            throw new ResourceNotFoundException(id.toVersionless());
        }
        return new ArrayList<>(versions.stream().map(v -> (IBaseResource) fhir.present(fhirRecords, v)).toList());
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = "patient") ReferenceParam patient,
            @OptionalParam(name = "date") DateRangeParam date,
            @OptionalParam(name = "code") TokenParam code,
            @OptionalParam(name = "category") TokenParam category,
            @OptionalParam(name = "type") TokenParam documentType,
            @OptionalParam(name = SP_AUTHOR_FACILITY) ReferenceParam authorFacility,
            @IncludeParam(allow = {INCLUDE_PRESCRIPTION}) Set<Include> includes) {
        Actor actor = RecordFhir.actor();
        if (patient == null || patient.getChain() != null || patient.getIdPart() == null
                || patient.getIdPart().isBlank()) {
            throw fhir.invalid("record.fhir.search.patient");
        }
        if (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType())) {
            return new SimpleBundleProvider();
        }
        UUID participant;
        try {
            participant = UUID.fromString(patient.getIdPart());
        } catch (IllegalArgumentException e) {
            return new SimpleBundleProvider();
        }
        Set<RecordCategory> wanted = EnumSet.copyOf(categories);
        wanted.retainAll(kinds(category, documentType));
        if (wanted.isEmpty()) {
            return new SimpleBundleProvider();
        }
        UUID facility = null;
        if (authorFacility != null) {
            var id = RecordFhir.facility(authorFacility.getIdPart());
            if (id.isEmpty() || (authorFacility.getResourceType() != null
                    && !"Organization".equals(authorFacility.getResourceType()))) {
                return new SimpleBundleProvider();
            }
            facility = id.get().value();
        }
        String codeSystem = code == null || code.getSystem() == null || code.getSystem().isBlank() ? null
                : code.getSystem();
        String codeValue = code == null || code.getValue() == null || code.getValue().isBlank() ? null
                : code.getValue();
        if (code != null && codeValue == null) {
            throw fhir.invalid("record.fhir.search.code");
        }
        Instant[] range = range(date);
        var query = new RecordQuery(participant, wanted, range[0], range[1], facility, codeSystem, codeValue, false, 0,
                RecordSearchResults.PAGE_SIZE);
        boolean prescriptions = includes != null && includes.stream()
                .anyMatch(i -> INCLUDE_PRESCRIPTION.equals(i.getValue()));
        return new RecordSearchResults(records, query, actor, prescriptions ? r -> fhir.present(fhirRecords, r)
                : r -> fhir.presentForAnswer(fhirRecords, r),
                (who, resource) -> prescriptions ? prescriptions(who, resource) : List.of());
    }

    /** The kinds a {@code category} or document {@code type} asks for; every kind when neither is given. */
    private Set<RecordCategory> kinds(TokenParam category, TokenParam documentType) {
        Set<RecordCategory> kinds = EnumSet.allOf(RecordCategory.class);
        if (category != null && category.getValue() != null) {
            boolean careNote = FhirRecords.CARE_NOTE_CODE.equals(category.getValue())
                    && (category.getSystem() == null || category.getSystem().isBlank()
                            || FhirRecords.CARE_NOTE_SYSTEM.equals(category.getSystem()));
            if (categories.contains(RecordCategory.CARE_NOTE)) {
                kinds.retainAll(careNote ? Set.of(RecordCategory.CARE_NOTE) : Set.of(RecordCategory.ATTACHMENT));
            } else if (categories.contains(RecordCategory.LAB_RESULT)) {
                if (!"laboratory".equals(category.getValue())) {
                    return Set.of();
                }
            }
        }
        if (documentType != null && documentType.getValue() != null) {
            boolean loinc = documentType.getSystem() == null || documentType.getSystem().isBlank()
                    || FhirRecords.LOINC.equals(documentType.getSystem());
            if (loinc && FhirRecords.LOINC_REFERRAL.equals(documentType.getValue())) {
                kinds.retainAll(Set.of(RecordCategory.REFERRAL_LETTER));
            } else if (loinc && FhirRecords.LOINC_DISCHARGE_SUMMARY.equals(documentType.getValue())) {
                kinds.retainAll(Set.of(RecordCategory.DISCHARGE_SUMMARY));
            } else if (categories.contains(RecordCategory.REFERRAL_LETTER)) {
                return Set.of();
            }
        }
        return kinds;
    }

    /** {@code date} as the store's inclusive lower and exclusive upper bound of the clinical date. */
    private Instant[] range(DateRangeParam date) {
        Instant from = null;
        Instant to = null;
        if (date != null) {
            for (DateParam p : date.getValuesAsQueryTokens()) {
                if (p == null || p.isEmpty()) {
                    continue;
                }
                ParamPrefixEnum prefix = p.getPrefix() == null ? ParamPrefixEnum.EQUAL : p.getPrefix();
                TemporalPrecisionEnum precision = p.getPrecision() == null ? TemporalPrecisionEnum.MILLI
                        : p.getPrecision();
                Instant start;
                Instant end;
                if (precision.ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
                    // a year, month or day has no time zone: it is that day in Japan, whatever the server's zone
                    ZonedDateTime first = firstDayOf(p.getValueAsString(), precision).atStartOfDay(JapanTime.ZONE);
                    start = first.toInstant();
                    end = (precision == TemporalPrecisionEnum.YEAR ? first.plusYears(1)
                            : precision == TemporalPrecisionEnum.MONTH ? first.plusMonths(1) : first.plusDays(1))
                            .toInstant();
                } else {
                    start = p.getValue().toInstant();
                    end = precision.add(p.getValue(), 1).toInstant();
                }
                switch (prefix) {
                    case GREATERTHAN_OR_EQUALS, STARTS_AFTER -> from = start;
                    case GREATERTHAN -> from = end;
                    case LESSTHAN, ENDS_BEFORE -> to = start;
                    case LESSTHAN_OR_EQUALS -> to = end;
                    case EQUAL -> {
                        from = start;
                        to = end;
                    }
                    default -> throw fhir.invalid("record.fhir.search.date");
                }
            }
        }
        return new Instant[] {from, to};
    }

    /** The first day of a search date given to the year, month or day ({@code 2026}, {@code 2026-10}, …). */
    private LocalDate firstDayOf(String value, TemporalPrecisionEnum precision) {
        try {
            String[] parts = value.substring(0, Math.min(value.length(), 10)).split("-");
            int year = Integer.parseInt(parts[0]);
            int month = precision == TemporalPrecisionEnum.YEAR ? 1 : Integer.parseInt(parts[1]);
            int day = precision == TemporalPrecisionEnum.DAY ? Integer.parseInt(parts[2]) : 1;
            return LocalDate.of(year, month, day);
        } catch (RuntimeException e) {
            throw fhir.invalid("record.fhir.search.date");
        }
    }

    /** The prescriptions a dispensing record names, each only if the caller may see it. */
    private List<Resource> prescriptions(Actor actor, Resource resource) {
        if (!(resource instanceof MedicationDispense dispense)) {
            return List.of();
        }
        List<Resource> found = new ArrayList<>();
        for (Reference reference : dispense.getAuthorizingPrescription()) {
            String ref = reference.getReference();
            if (ref == null || !ref.startsWith("MedicationRequest/")) {
                continue;
            }
            UUID id;
            try {
                id = UUID.fromString(new IdType(ref).getIdPart());
            } catch (IllegalArgumentException e) {
                continue;
            }
            records.read(actor, id, r -> r.category() == RecordCategory.PRESCRIPTION)
                    .ifPresent(r -> found.add(fhir.present(fhirRecords, r)));
        }
        return found;
    }
}

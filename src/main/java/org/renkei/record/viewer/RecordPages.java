package org.renkei.record.viewer;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.renkei.access.DataKind;
import org.renkei.consent.Participant;
import org.renkei.consent.ParticipantDirectory;
import org.renkei.consent.ParticipantId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.identity.Actor;
import org.renkei.platform.web.NotFoundException;
import org.renkei.record.FhirRecords;
import org.renkei.record.RecordCategory;
import org.renkei.record.RecordQuery;
import org.renkei.record.SharedRecords;
import org.renkei.record.StoredRecord;
import org.renkei.staff.StaffRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff's pages of a participant's shared records: the timeline across facilities with what is new since the
 * user last looked (DOC-06), lab results, medications, one record (a letter, an attachment), and print and export
 * (DOC-05). Every record comes through {@link SharedRecords}: a participant or record the user may not see is not
 * found, exactly like one that does not exist.
 */
@Controller
class RecordPages {

    /** The kinds a timeline lists (the bytes of attachments are shown with their DocumentReference). */
    static final List<RecordCategory> LISTED = Arrays.stream(RecordCategory.values())
            .filter(c -> c != RecordCategory.BINARY).toList();

    private final SharedRecords records;
    private final FhirRecords fhir;
    private final RecordLooks looks;
    private final RecordReleases releases;
    private final ParticipantDirectory directory;
    private final FacilityRegistry facilities;
    private final StaffRegistry staff;

    RecordPages(SharedRecords records, FhirRecords fhir, RecordLooks looks, RecordReleases releases,
            ParticipantDirectory directory, FacilityRegistry facilities, StaffRegistry staff) {
        this.records = records;
        this.fhir = fhir;
        this.looks = looks;
        this.releases = releases;
        this.directory = directory;
        this.facilities = facilities;
        this.staff = staff;
    }

    /** Timeline entries a page. */
    static final int TIMELINE_PAGE = 100;

    @GetMapping("/participants/{id}/records")
    String timeline(@PathVariable ParticipantId id, @RequestParam(required = false) RecordCategory kind,
            @RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
        int pageNumber = Math.max(0, page);
        Participant participant = participant(actor, id);
        UUID p = id.value();
        Optional<Instant> lastLook = looks.lastLook(actor, p);
        Set<RecordCategory> kinds = kind == null || kind == RecordCategory.BINARY
                ? EnumSet.copyOf(LISTED) : EnumSet.of(kind);
        int offset = pageNumber * TIMELINE_PAGE;
        var found = records.search(actor, new RecordQuery(p, kinds, null, null, null, null, null, true, offset,
                TIMELINE_PAGE));
        Names names = names();
        List<TimelineEntry> entries = new ArrayList<>();
        for (StoredRecord r : found.records()) {
            entries.add(new TimelineEntry(r.id(), r.effectiveAt() == null ? r.storedAt() : r.effectiveAt(),
                    r.storedAt(), r.category(), names.facility(r.authorFacility()), names.staff(r.authorStaff()),
                    r.display(), r.original(), r.enteredInError(), RecordLooks.isNew(r, actor, lastLook),
                    r.version()));
        }
        model.addAttribute("participant", participant);
        model.addAttribute("entries", entries);
        model.addAttribute("total", found.total());
        model.addAttribute("from", offset + 1);
        model.addAttribute("to", offset + entries.size());
        model.addAttribute("previousPage", pageNumber > 0 ? pageNumber - 1 : null);
        model.addAttribute("nextPage", offset + entries.size() < found.total() ? pageNumber + 1 : null);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", LISTED);
        model.addAttribute("newCount", looks.newCount(actor, p));
        model.addAttribute("lastLook", lastLook.orElse(null));
        model.addAttribute("purposes", ReleasePurpose.values());
        model.addAttribute("releases", releases.of(actor, p).stream().map(r -> new ReleaseLine(r.at(), r.kind(),
                r.purpose(), r.recordIds().size(), names.staff(r.staff()), names.facility(r.facility()), r.refused()))
                .toList());
        looks.looked(actor, p);
        return "viewer/timeline";
    }

    /** A print or export as listed on the timeline. */
    record ReleaseLine(Instant at, String kind, ReleasePurpose purpose, int count, String staff, String facility,
            String refused) {
    }

    /** The records part of the participant page (loaded with htmx): how many, how many new; moves no mark. */
    @GetMapping("/participants/{id}/records/summary")
    String summary(@PathVariable ParticipantId id, Actor actor, Model model) {
        UUID p = id.value();
        if (!records.maySee(actor, p)) {
            model.addAttribute("visible", false);
            return "viewer/fragments :: summary";
        }
        model.addAttribute("visible", true);
        model.addAttribute("participantId", p);
        model.addAttribute("total", records.count(actor, new RecordQuery(p, EnumSet.copyOf(LISTED), null, null,
                null, null, null, false, 0, 1)));
        model.addAttribute("newCount", looks.newCount(actor, p));
        return "viewer/fragments :: summary";
    }

    @GetMapping("/participants/{id}/records/labs")
    String labs(@PathVariable ParticipantId id, Actor actor, Model model) {
        Participant participant = participant(actor, id);
        Names names = names();
        List<LabTable.Result> results = new ArrayList<>();
        for (StoredRecord r : all(actor, id.value(), RecordCategory.LAB_RESULT)) {
            if (fhir.decode(r) instanceof Observation o) {
                results.add(new LabTable.Result(r, o, names.facility(r.authorFacility())));
            }
        }
        model.addAttribute("participant", participant);
        model.addAttribute("table", LabTable.of(results));
        return "viewer/labs";
    }

    @GetMapping("/participants/{id}/records/medications")
    String medications(@PathVariable ParticipantId id, Actor actor, Model model) {
        Participant participant = participant(actor, id);
        Names names = names();
        List<MedicationHistory.Row> rows = new ArrayList<>();
        for (StoredRecord r : all(actor, id.value(), RecordCategory.PRESCRIPTION, RecordCategory.DISPENSING)) {
            rows.add(MedicationHistory.row(r, fhir.decode(r), names.facility(r.authorFacility()),
                    names.staff(r.authorStaff())));
        }
        model.addAttribute("participant", participant);
        model.addAttribute("rows", rows);
        return "viewer/medications";
    }

    @GetMapping("/records/{recordId}")
    String record(@PathVariable UUID recordId, Actor actor, Model model) {
        StoredRecord r = records.read(actor, recordId, x -> x.category() != RecordCategory.BINARY)
                .orElseThrow(() -> new NotFoundException("record"));
        Participant participant = participant(actor, new ParticipantId(r.participant()));
        Names names = names();
        Resource resource = fhir.decode(r);
        model.addAttribute("participant", participant);
        model.addAttribute("entry", new TimelineEntry(r.id(), r.effectiveAt(), r.storedAt(), r.category(),
                names.facility(r.authorFacility()), names.staff(r.authorStaff()), r.display(), r.original(),
                r.enteredInError(), false, r.version()));
        model.addAttribute("purposes", ReleasePurpose.values());
        if (resource instanceof Bundle b) {
            model.addAttribute("letter", LetterView.of(b));
        } else if (resource instanceof DocumentReference d) {
            model.addAttribute("document", document(d));
        } else {
            model.addAttribute("json", fhir.json().setPrettyPrint(true).encodeResourceToString(resource));
        }
        return "viewer/record";
    }

    /** A DocumentReference shown: its description, inline text (a care note) or its Binary to show inline. */
    record DocumentView(String description, String text, UUID binaryId, String contentType, String title) {

        public boolean image() {
            return contentType != null && contentType.startsWith("image/");
        }

        public boolean pdf() {
            return "application/pdf".equals(contentType);
        }
    }

    private static DocumentView document(DocumentReference d) {
        String text = null;
        UUID binary = null;
        String type = null;
        String title = null;
        for (var content : d.getContent()) {
            Attachment a = content.getAttachment();
            if (a.hasData() && text == null && (a.getContentType() == null || a.getContentType().startsWith("text/"))) {
                text = new String(a.getData(), StandardCharsets.UTF_8);
            }
            if (a.hasUrl() && a.getUrl().startsWith("Binary/") && binary == null) {
                try {
                    binary = UUID.fromString(a.getUrl().substring("Binary/".length()).split("/_history")[0]);
                    type = a.getContentType();
                    title = a.getTitle();
                } catch (IllegalArgumentException e) {
                    binary = null;
                }
            }
        }
        return new DocumentView(d.getDescription(), text, binary, type, title);
    }

    @PostMapping("/participants/{id}/records/print")
    String print(@PathVariable ParticipantId id, @RequestParam(name = "record", required = false) List<UUID> ids,
            @RequestParam(required = false) ReleasePurpose purpose, Actor actor, Model model) {
        Participant participant = participant(actor, id);
        var release = releases.print(actor, id.value(), ids, purpose);
        Names names = names();
        List<Printed> printed = new ArrayList<>();
        for (StoredRecord r : release.records()) {
            Resource resource = fhir.decode(r);
            printed.add(new Printed(new TimelineEntry(r.id(), r.effectiveAt(), r.storedAt(), r.category(),
                    names.facility(r.authorFacility()), names.staff(r.authorStaff()), r.display(), r.original(),
                    r.enteredInError(), false, r.version()),
                    resource instanceof Bundle b ? LetterView.of(b) : null,
                    resource instanceof DocumentReference d ? document(d) : null,
                    resource instanceof Observation o ? observationText(o) : null));
        }
        model.addAttribute("participant", participant);
        model.addAttribute("release", release);
        model.addAttribute("printed", printed);
        model.addAttribute("printedBy", names.staff(actor.staffId()));
        model.addAttribute("printedAt", names.facility(actor.facilityId()));
        return "viewer/print";
    }

    /** One record on a print. */
    record Printed(TimelineEntry entry, LetterView letter, DocumentView document, String value) {
    }

    private static String observationText(Observation o) {
        if (o.hasValueQuantity() && o.getValueQuantity().hasValue()) {
            return o.getValueQuantity().getValue().toPlainString()
                    + (o.getValueQuantity().hasUnit() ? " " + o.getValueQuantity().getUnit() : "");
        }
        return o.hasValueStringType() ? o.getValueStringType().getValue() : null;
    }

    @PostMapping("/participants/{id}/records/export")
    String export(@PathVariable ParticipantId id, @RequestParam(name = "record", required = false) List<UUID> ids,
            @RequestParam(required = false) ReleasePurpose purpose, Actor actor, Model model,
            HttpServletResponse response) {
        Participant participant = participant(actor, id);
        var release = releases.export(actor, id.value(), ids, purpose);
        model.addAttribute("participant", participant);
        model.addAttribute("release", release);
        if (release.refused() != null) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        return "viewer/refused";
    }

    private List<StoredRecord> all(Actor actor, UUID participant, RecordCategory... kinds) {
        return records.search(actor, new RecordQuery(participant, EnumSet.copyOf(Arrays.asList(kinds)), null, null,
                null, null, null, true, 0, RecordQuery.MAX_LIMIT)).records();
    }

    /** The participant, if this person may see their records; otherwise not found, as for one who does not exist. */
    private Participant participant(Actor actor, ParticipantId id) {
        if (!records.maySee(actor, id.value())) {
            throw new NotFoundException("participant");
        }
        return directory.get(actor, id, DataKind.PARTICIPANT_PROFILE);
    }

    private Names names() {
        return new Names(facilities, staff);
    }
}

package org.renkei.record.viewer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.renkei.access.AccessDecisions;
import org.renkei.audit.AuditAction;
import org.renkei.audit.AuditEvent;
import org.renkei.audit.AuditOutcome;
import org.renkei.audit.AuditTrail;
import org.renkei.access.AccessRequest;
import org.renkei.access.Action;
import org.renkei.access.DataKind;
import org.renkei.identity.Actor;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.renkei.record.RecordCategory;
import org.renkei.record.SharedRecords;
import org.renkei.record.StoredRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Printing and exporting shared records (DOC-05). Printing is allowed for care or to hand to the patient or
 * family; exporting to a file only for signed originals whose signature the viewing facility can verify — so for
 * now, while every stored record is an unsigned copy, every export is refused. Each print and each export asked
 * for, refused or not, is recorded (who, facility, participant, records, purpose, when, reason of a refusal).
 */
@Service
public class RecordReleases {

    /** Why an export was refused: the records are unsigned copies (DOC-03). */
    public static final String UNSIGNED = "UNSIGNED";
    /** Why an export was refused: signed, but the signature cannot be verified here yet. */
    public static final String NOT_VERIFIABLE = "NOT_VERIFIABLE";

    private final SharedRecords records;
    private final AccessDecisions access;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    RecordReleases(SharedRecords records, AccessDecisions access, JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.records = records;
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** A recorded print or export. {@code refused} is null when it went ahead. */
    public record Release(UUID id, String kind, ReleasePurpose purpose, UUID participant, List<UUID> recordIds,
            UUID staff, UUID facility, Instant at, String refused, List<StoredRecord> records) {
    }

    /** Records the print of the chosen records and gives them back to be printed. */
    @Transactional
    public Release print(Actor actor, UUID participant, List<UUID> ids, ReleasePurpose purpose) {
        List<StoredRecord> chosen = chosen(actor, participant, ids, purpose, Action.PRINT);
        return record(actor, participant, "PRINT", purpose, chosen, null);
    }

    /**
     * Records an export of the chosen records to a file, which is refused unless every record is a signed original
     * whose signature can be verified; the release says why.
     */
    @Transactional
    public Release export(Actor actor, UUID participant, List<UUID> ids, ReleasePurpose purpose) {
        List<StoredRecord> chosen = chosen(actor, participant, ids, purpose, Action.EXPORT);
        String refused = chosen.stream().allMatch(StoredRecord::original) ? NOT_VERIFIABLE : UNSIGNED;
        return record(actor, participant, "EXPORT", purpose, chosen, refused);
    }

    /** The participant's prints and exports, newest first, for a person who may see the records. */
    public List<Release> of(Actor actor, UUID participant) {
        if (!records.maySee(actor, participant)) {
            return List.of();
        }
        return jdbc.sql("""
                select id, kind, purpose, participant_id, record_ids::text as ids, staff_id, facility_id, at, refused
                from record_release where participant_id = :p order by at desc limit 50""")
                .param("p", participant)
                .query((rs, n) -> new Release(rs.getObject("id", UUID.class), rs.getString("kind"),
                        ReleasePurpose.valueOf(rs.getString("purpose")), rs.getObject("participant_id", UUID.class),
                        ids(rs.getString("ids")), rs.getObject("staff_id", UUID.class),
                        rs.getObject("facility_id", UUID.class), rs.getTimestamp("at").toInstant(),
                        rs.getString("refused"), List.of()))
                .list();
    }

    private List<StoredRecord> chosen(Actor actor, UUID participant, List<UUID> ids, ReleasePurpose purpose,
            Action action) {
        if (!access.permits(AccessRequest.of(actor, participant, action, DataKind.CENTRE_RECORD))
                || actor.staffId() == null || actor.facilityId() == null) {
            throw new NotFoundException("participant");
        }
        if (purpose == null) {
            throw new InvalidInputException("viewer.release.purposeRequired");
        }
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("viewer.release.noneChosen");
        }
        List<StoredRecord> chosen = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            StoredRecord record = records.read(actor, id,
                            r -> r.participant().equals(participant) && r.category() != RecordCategory.BINARY)
                    .orElseThrow(() -> new NotFoundException("record"));
            chosen.add(record);
        }
        return chosen;
    }

    private Release record(Actor actor, UUID participant, String kind, ReleasePurpose purpose,
            List<StoredRecord> chosen, String refused) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        List<UUID> ids = chosen.stream().map(StoredRecord::id).toList();
        jdbc.sql("""
                insert into record_release (id, kind, purpose, participant_id, record_ids, staff_id, facility_id, at,
                    refused)
                values (:id, :kind, :purpose, :participant, cast(:ids as uuid[]), :staff, :facility, :at, :refused)""")
                .param("id", id).param("kind", kind).param("purpose", purpose.name())
                .param("participant", participant)
                .param("ids", ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .param("staff", actor.staffId()).param("facility", actor.facilityId())
                .param("at", Timestamp.from(now)).param("refused", refused).update();
        audit.recordAfterCommit(AuditEvent.of("PRINT".equals(kind) ? AuditAction.PRINT : AuditAction.EXPORT).by(actor)
                .participant(participant).resource("RecordRelease", id)
                .outcome(refused == null ? AuditOutcome.SUCCESS : AuditOutcome.DENIED)
                .detail("purpose=" + purpose + " records=" + ids.size() + (refused == null ? "" : " refused=" + refused))
                .build());
        return new Release(id, kind, purpose, participant, ids, actor.staffId(), actor.facilityId(), now, refused,
                chosen);
    }

    private static List<UUID> ids(String array) {
        String inner = array.substring(1, array.length() - 1);
        if (inner.isBlank()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>();
        for (String s : inner.split(",")) {
            ids.add(UUID.fromString(s.trim()));
        }
        return ids;
    }
}

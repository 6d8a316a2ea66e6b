package org.renkei.record.viewer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.renkei.identity.Actor;
import org.renkei.record.SharedRecords;
import org.renkei.record.StoredRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * When each user last looked at each participant's records (DOC-06): what other facilities stored after that is
 * new for them. Only a user who may see the participant's records now gets a count or moves the mark.
 */
@Service
public class RecordLooks {

    private final JdbcClient jdbc;
    private final SharedRecords records;
    private final Clock clock;

    RecordLooks(JdbcClient jdbc, SharedRecords records, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.clock = clock;
    }

    /** When this user last looked at the participant's records; empty if never. */
    public Optional<Instant> lastLook(Actor actor, UUID participant) {
        if (actor.staffId() == null) {
            return Optional.empty();
        }
        return jdbc.sql("select looked_at from record_look where staff_id = :staff and participant_id = :participant")
                .param("staff", actor.staffId()).param("participant", participant)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** How many records other facilities stored since this user last looked (all of them if never). */
    public int newCount(Actor actor, UUID participant) {
        return records.storedSince(actor, participant, lastLook(actor, participant).orElse(Instant.EPOCH));
    }

    /** Whether a record is new for this user: stored by another facility after the given look. */
    public static boolean isNew(StoredRecord record, Actor actor, Optional<Instant> lastLook) {
        return !record.enteredInError() && !record.authorFacility().equals(actor.facilityId())
                && lastLook.map(at -> record.storedAt().isAfter(at)).orElse(true);
    }

    /** Notes that the user looked at the participant's records now; nothing for one who may not see them. */
    public Instant looked(Actor actor, UUID participant) {
        Instant now = clock.instant();
        if (actor.staffId() == null || !records.maySee(actor, participant)) {
            return now;
        }
        jdbc.sql("""
                insert into record_look (staff_id, participant_id, looked_at) values (:staff, :participant, :at)
                on conflict (staff_id, participant_id) do update set looked_at = excluded.looked_at""")
                .param("staff", actor.staffId()).param("participant", participant)
                .param("at", Timestamp.from(now)).update();
        return now;
    }
}

package org.renkei.filing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored applications. */
@Repository
class Filings {

    private final JdbcClient jdbc;

    Filings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Filing f) {
        jdbc.sql("""
                insert into filing (id, kind, facility_id, staff_id, subject, received_on, wished_on, decide_by, status,
                                    payload, received_by, created_at)
                values (:id, :kind, :facility, :staff, :subject, :received, :wished, :decideBy, :status,
                        cast(:payload as jsonb), :receivedBy, :createdAt)""")
                .param("id", f.id().value())
                .param("kind", f.kind().name())
                .param("facility", f.facilityId())
                .param("staff", f.staffId())
                .param("subject", f.subject())
                .param("received", f.receivedOn())
                .param("wished", f.wishedOn())
                .param("decideBy", f.decideBy())
                .param("status", f.status().name())
                .param("payload", f.payload())
                .param("receivedBy", f.receivedBy())
                .param("createdAt", Timestamp.from(f.createdAt()))
                .update();
    }

    Optional<Filing> find(FilingId id) {
        return jdbc.sql("select * from filing where id = :id").param("id", id.value()).query(Filings::map).optional();
    }

    /** Locks the application for a decision or for taking effect. */
    Optional<Filing> lock(FilingId id) {
        return jdbc.sql("select * from filing where id = :id for update").param("id", id.value())
                .query(Filings::map).optional();
    }

    boolean hasOpen(FilingKind kind, UUID facilityId, UUID staffId) {
        return jdbc.sql("""
                select count(*) from filing
                where kind = :kind and facility_id = :facility
                  and staff_id is not distinct from :staff and status in ('PENDING', 'ACCEPTED')""")
                .param("kind", kind.name()).param("facility", facilityId).param("staff", staffId)
                .query(Long.class).single() > 0;
    }

    void decide(FilingId id, FilingStatus status, LocalDate decidedOn, String decidedBy, RefusalReason reason,
            String details, LocalDate effectiveOn, Instant at) {
        jdbc.sql("""
                update filing set status = :status, decided_on = :decidedOn, decided_by = :decidedBy,
                       decided_at = :at, refusal_reason = :reason, refusal_details = :details,
                       effective_on = :effectiveOn
                where id = :id and status = 'PENDING'""")
                .param("status", status.name()).param("decidedOn", decidedOn).param("decidedBy", decidedBy)
                .param("at", Timestamp.from(at)).param("reason", reason == null ? null : reason.name())
                .param("details", details).param("effectiveOn", effectiveOn).param("id", id.value())
                .update();
    }

    void markEffective(FilingId id, Instant at) {
        jdbc.sql("update filing set status = 'EFFECTIVE', took_effect_at = :at where id = :id and status = 'ACCEPTED'")
                .param("at", Timestamp.from(at)).param("id", id.value()).update();
    }

    /** Marks the facility as told; false when another run already did. */
    boolean markOverdueNotified(FilingId id, Instant at) {
        return jdbc.sql("update filing set overdue_notified_at = :at where id = :id and overdue_notified_at is null")
                .param("at", Timestamp.from(at)).param("id", id.value()).update() == 1;
    }

    /** Accepted applications whose effective date has come, oldest first. */
    List<FilingId> dueToTakeEffect(LocalDate today) {
        return jdbc.sql("""
                select id from filing where status = 'ACCEPTED' and effective_on <= :today
                order by effective_on, created_at""")
                .param("today", today).query((rs, n) -> new FilingId(rs.getObject(1, UUID.class))).list();
    }

    /** Pending applications past their deadline whose facility has not been told yet. */
    List<Filing> overdueUnnotified(LocalDate today) {
        return jdbc.sql("""
                select * from filing where status = 'PENDING' and decide_by < :today and overdue_notified_at is null
                order by decide_by""")
                .param("today", today).query(Filings::map).list();
    }

    List<Filing> byStatus(FilingStatus status, int limit) {
        String order = status == FilingStatus.PENDING ? "decide_by, received_on" : "coalesce(decided_at, created_at) desc";
        return jdbc.sql("select * from filing where status = :status order by " + order + " limit :limit")
                .param("status", status.name()).param("limit", limit).query(Filings::map).list();
    }

    List<Filing> ofFacility(UUID facilityId) {
        return jdbc.sql("select * from filing where facility_id = :facility order by created_at desc")
                .param("facility", facilityId).query(Filings::map).list();
    }

    List<Filing> ofStaff(UUID staffId) {
        return jdbc.sql("select * from filing where staff_id = :staff order by created_at desc")
                .param("staff", staffId).query(Filings::map).list();
    }

    long countPending() {
        return jdbc.sql("select count(*) from filing where status = 'PENDING'").query(Long.class).single();
    }

    long countOverdue(LocalDate today) {
        return jdbc.sql("select count(*) from filing where status = 'PENDING' and decide_by < :today")
                .param("today", today).query(Long.class).single();
    }

    private static Filing map(ResultSet rs, int n) throws SQLException {
        String reason = rs.getString("refusal_reason");
        Timestamp tookEffect = rs.getTimestamp("took_effect_at");
        return new Filing(new FilingId(rs.getObject("id", UUID.class)), FilingKind.valueOf(rs.getString("kind")),
                rs.getObject("facility_id", UUID.class), rs.getObject("staff_id", UUID.class),
                rs.getString("subject"), rs.getObject("received_on", LocalDate.class),
                rs.getObject("wished_on", LocalDate.class), rs.getObject("decide_by", LocalDate.class),
                FilingStatus.valueOf(rs.getString("status")), rs.getObject("decided_on", LocalDate.class),
                rs.getString("decided_by"), reason == null ? null : RefusalReason.valueOf(reason),
                rs.getString("refusal_details"), rs.getObject("effective_on", LocalDate.class),
                tookEffect == null ? null : tookEffect.toInstant(), rs.getString("payload"),
                rs.getString("received_by"), rs.getTimestamp("created_at").toInstant());
    }
}

package org.renkei.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code card_request} table. */
@Repository
class CardRequests {

    private final JdbcClient jdbc;

    CardRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CardRequest request) {
        jdbc.sql("""
                insert into card_request (id, staff_id, facility_id, reason, note, status, requested_at, requested_by)
                values (:id, :staff, :facility, :reason, :note, :status, :at, :by)""")
                .param("id", request.id()).param("staff", request.staffId()).param("facility", request.facilityId())
                .param("reason", request.reason().name()).param("note", request.note())
                .param("status", request.status().name()).param("at", Timestamp.from(request.requestedAt()))
                .param("by", request.requestedBy()).update();
    }

    Optional<CardRequest> find(UUID id) {
        return jdbc.sql("select * from card_request where id = :id").param("id", id).query(CardRequests::map)
                .optional();
    }

    /** The request, locked until the deciding transaction ends. */
    Optional<CardRequest> lock(UUID id) {
        return jdbc.sql("select * from card_request where id = :id for update").param("id", id)
                .query(CardRequests::map).optional();
    }

    boolean hasOpen(UUID staffId) {
        return jdbc.sql("select count(*) from card_request where staff_id = :staff and status = 'REQUESTED'")
                .param("staff", staffId).query(Long.class).single() > 0;
    }

    /** Requests waiting for the operator, oldest first. */
    List<CardRequest> open() {
        return jdbc.sql("select * from card_request where status = 'REQUESTED' order by requested_at")
                .query(CardRequests::map).list();
    }

    /** The most recently decided requests, newest first. */
    List<CardRequest> recentlyDecided(int limit) {
        return jdbc.sql("""
                select * from card_request where status <> 'REQUESTED' order by decided_at desc limit :limit""")
                .param("limit", limit).query(CardRequests::map).list();
    }

    List<CardRequest> ofFacility(UUID facilityId) {
        return jdbc.sql("select * from card_request where facility_id = :facility order by requested_at desc")
                .param("facility", facilityId).query(CardRequests::map).list();
    }

    List<CardRequest> ofStaff(UUID staffId) {
        return jdbc.sql("select * from card_request where staff_id = :staff order by requested_at desc")
                .param("staff", staffId).query(CardRequests::map).list();
    }

    void issued(UUID id, UUID certificateId, Instant at, String by) {
        jdbc.sql("""
                update card_request set status = 'ISSUED', certificate_id = :certificate, decided_at = :at,
                    decided_by = :by
                where id = :id and status = 'REQUESTED'""")
                .param("certificate", certificateId).param("at", Timestamp.from(at)).param("by", by)
                .param("id", id).update();
    }

    void refused(UUID id, String reason, Instant at, String by) {
        jdbc.sql("""
                update card_request set status = 'REFUSED', refusal_reason = :reason, decided_at = :at,
                    decided_by = :by
                where id = :id and status = 'REQUESTED'""")
                .param("reason", reason).param("at", Timestamp.from(at)).param("by", by).param("id", id).update();
    }

    private static CardRequest map(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new CardRequest(rs.getObject("id", UUID.class), rs.getObject("staff_id", UUID.class),
                rs.getObject("facility_id", UUID.class), CardRequest.Reason.valueOf(rs.getString("reason")),
                rs.getString("note"), CardRequest.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("requested_by"),
                decided == null ? null : decided.toInstant(), rs.getString("decided_by"),
                rs.getString("refusal_reason"), rs.getObject("certificate_id", UUID.class));
    }
}

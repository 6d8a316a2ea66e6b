package org.renkei.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.renkei.facility.FacilityId;
import org.renkei.staff.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored incidents and the steps of their handling. */
@Repository
class Incidents {

    /** Open ones first, the oldest of them first; then closed ones, the latest closed first. */
    private static final String ORDER = " " + """
            order by case when status = 'CLOSED' then 1 else 0 end,
                     case when status = 'CLOSED' then null else reported_at end asc,
                     updated_at desc""";

    private final JdbcClient jdbc;

    Incidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Incident i) {
        jdbc.sql("""
                insert into incident (id, facility_id, kind, noticed_at, description, staff_id, device, status,
                                      user_suspended, cards_revoked, reported_at, reported_by, updated_at)
                values (:id, :facility, :kind, :noticed, :description, :staff, :device, :status, :suspended,
                        :revoked, :reported, :by, :updated)""")
                .param("id", i.id()).param("facility", i.facility().value()).param("kind", i.kind().name())
                .param("noticed", Timestamp.from(i.noticedAt())).param("description", i.description())
                .param("staff", i.staff() == null ? null : i.staff().value()).param("device", i.device())
                .param("status", i.status().name()).param("suspended", i.userSuspended())
                .param("revoked", i.cardsRevoked()).param("reported", Timestamp.from(i.reportedAt()))
                .param("by", i.reportedBy()).param("updated", Timestamp.from(i.updatedAt()))
                .update();
    }

    void updateStatus(UUID id, IncidentStatus status, Instant at) {
        jdbc.sql("update incident set status = :status, updated_at = :at where id = :id")
                .param("status", status.name()).param("at", Timestamp.from(at)).param("id", id).update();
    }

    void addStep(UUID id, Instant at, IncidentStatus status, String note, String actor) {
        jdbc.sql("""
                insert into incident_step (incident_id, at, status, note, actor)
                values (:id, :at, :status, :note, :actor)""")
                .param("id", id).param("at", Timestamp.from(at)).param("status", status.name())
                .param("note", note).param("actor", actor).update();
    }

    Optional<Incident> find(UUID id) {
        return jdbc.sql("select * from incident where id = :id").param("id", id).query(Incidents::incident)
                .optional();
    }

    Optional<Incident> lock(UUID id) {
        return jdbc.sql("select * from incident where id = :id for update").param("id", id)
                .query(Incidents::incident).optional();
    }

    List<Incident> all() {
        return jdbc.sql("select * from incident" + ORDER).query(Incidents::incident).list();
    }

    List<Incident> ofFacility(FacilityId facility) {
        return jdbc.sql("select * from incident where facility_id = :facility" + ORDER)
                .param("facility", facility.value()).query(Incidents::incident).list();
    }

    List<Incident.Step> steps(UUID id) {
        return jdbc.sql("select * from incident_step where incident_id = :id order by at, id").param("id", id)
                .query((rs, n) -> new Incident.Step(rs.getTimestamp("at").toInstant(),
                        IncidentStatus.valueOf(rs.getString("status")), rs.getString("note"), rs.getString("actor")))
                .list();
    }

    private static Incident incident(ResultSet rs, int row) throws SQLException {
        UUID staff = rs.getObject("staff_id", UUID.class);
        return new Incident(rs.getObject("id", UUID.class), new FacilityId(rs.getObject("facility_id", UUID.class)),
                IncidentKind.valueOf(rs.getString("kind")), rs.getTimestamp("noticed_at").toInstant(),
                rs.getString("description"), staff == null ? null : new StaffId(staff), rs.getString("device"),
                IncidentStatus.valueOf(rs.getString("status")), rs.getBoolean("user_suspended"),
                rs.getInt("cards_revoked"), rs.getTimestamp("reported_at").toInstant(), rs.getString("reported_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}

package org.renkei.facility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored facilities, their people and their state history. */
@Repository
class Facilities {

    private final JdbcClient jdbc;

    Facilities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(FacilityId id, FacilityKind kind, String code, FacilityDetails details, Instant at) {
        jdbc.sql("""
                insert into facility (id, kind, code, name, name_kana, postal_code, address, phone, status, created_at, updated_at)
                values (:id, :kind, :code, :name, :kana, :postal, :address, :phone, 'APPLYING', :at, :at)""")
                .param("id", id.value()).param("kind", kind.name()).param("code", code)
                .param("name", details.name()).param("kana", details.nameKana())
                .param("postal", details.postalCode()).param("address", details.address())
                .param("phone", details.phone()).param("at", Timestamp.from(at))
                .update();
        insertPeople(id, details);
    }

    void updateDetails(FacilityId id, FacilityDetails details, Instant at) {
        jdbc.sql("""
                update facility set name = :name, name_kana = :kana, postal_code = :postal, address = :address,
                       phone = :phone, updated_at = :at where id = :id""")
                .param("name", details.name()).param("kana", details.nameKana())
                .param("postal", details.postalCode()).param("address", details.address())
                .param("phone", details.phone()).param("at", Timestamp.from(at)).param("id", id.value())
                .update();
        jdbc.sql("delete from facility_person where facility_id = :id").param("id", id.value()).update();
        insertPeople(id, details);
    }

    private void insertPeople(FacilityId id, FacilityDetails details) {
        int position = 0;
        for (FacilityPerson p : details.people()) {
            jdbc.sql("""
                    insert into facility_person (facility_id, position, role, name, post, phone, email)
                    values (:id, :position, :role, :name, :post, :phone, :email)""")
                    .param("id", id.value()).param("position", position++).param("role", p.role().name())
                    .param("name", p.name()).param("post", p.post()).param("phone", p.phone())
                    .param("email", p.email())
                    .update();
        }
    }

    void updateStatus(FacilityId id, FacilityStatus status, LocalDate joinedOn, LocalDate withdrawnOn,
            String suspensionReason, Instant suspendedAt, Instant at) {
        jdbc.sql("""
                update facility set status = :status, joined_on = coalesce(:joined, joined_on),
                       withdrawn_on = coalesce(:withdrawn, withdrawn_on), suspension_reason = :reason,
                       suspended_at = :suspendedAt, updated_at = :at
                where id = :id""")
                .param("status", status.name()).param("joined", joinedOn).param("withdrawn", withdrawnOn)
                .param("reason", suspensionReason)
                .param("suspendedAt", suspendedAt == null ? null : Timestamp.from(suspendedAt))
                .param("at", Timestamp.from(at)).param("id", id.value())
                .update();
    }

    void recordHistory(FacilityId id, Instant at, FacilityStatus status, String note, String actor) {
        jdbc.sql("""
                insert into facility_history (facility_id, at, status, note, actor)
                values (:id, :at, :status, :note, :actor)""")
                .param("id", id.value()).param("at", Timestamp.from(at)).param("status", status.name())
                .param("note", note).param("actor", actor)
                .update();
    }

    List<Facility.HistoryEntry> history(FacilityId id) {
        return jdbc.sql("select * from facility_history where facility_id = :id order by at desc, id desc")
                .param("id", id.value())
                .query((rs, n) -> new Facility.HistoryEntry(rs.getTimestamp("at").toInstant(),
                        FacilityStatus.valueOf(rs.getString("status")), rs.getString("note"),
                        rs.getString("actor")))
                .list();
    }

    boolean codeInUse(String code) {
        return jdbc.sql("""
                select count(*) from facility where code = :code and status in ('APPLYING', 'ACTIVE', 'SUSPENDED')""")
                .param("code", code).query(Long.class).single() > 0;
    }

    /** Just the state, for the check on every request. */
    Optional<FacilityStatus> status(FacilityId id) {
        return jdbc.sql("select status from facility where id = :id").param("id", id.value())
                .query(String.class).optional().map(FacilityStatus::valueOf);
    }

    Optional<Facility> find(FacilityId id) {
        return jdbc.sql("select * from facility where id = :id").param("id", id.value())
                .query((rs, n) -> map(rs, people(List.of(id.value())).getOrDefault(id.value(), List.of())))
                .optional();
    }

    /** Locks the facility row for a change of state. */
    Optional<Facility> lock(FacilityId id) {
        jdbc.sql("select id from facility where id = :id for update").param("id", id.value()).query(UUID.class).optional();
        return find(id);
    }

    Optional<Facility> findByCode(String code) {
        return jdbc.sql("""
                select id from facility where code = :code order by (status in ('APPLYING', 'ACTIVE', 'SUSPENDED')) desc,
                created_at desc limit 1""")
                .param("code", code).query(UUID.class).optional().flatMap(id -> find(new FacilityId(id)));
    }

    /** Every facility's name by id, without its people: for pages that name many facilities. */
    Map<FacilityId, String> names() {
        Map<FacilityId, String> names = new HashMap<>();
        jdbc.sql("select id, name from facility")
                .query(rs -> {
                    names.put(new FacilityId(rs.getObject(1, UUID.class)), rs.getString(2));
                });
        return names;
    }

    List<Facility> all() {
        return list("select * from facility order by kind, name_kana nulls last, name", Map.of());
    }

    List<Facility> withStatus(List<FacilityStatus> statuses) {
        return list("select * from facility where status in (:statuses) order by kind, name_kana nulls last, name",
                Map.of("statuses", statuses.stream().map(Enum::name).toList()));
    }

    List<Facility> search(String nameOrCode) {
        return list("""
                select * from facility where name ilike :q or name_kana ilike :q or code = :code
                order by kind, name_kana nulls last, name""",
                Map.of("q", "%" + nameOrCode.replace("%", "\\%").replace("_", "\\_") + "%", "code", nameOrCode));
    }

    private List<Facility> list(String sql, Map<String, ?> params) {
        var statement = jdbc.sql(sql);
        params.forEach(statement::param);
        List<UUID> ids = new ArrayList<>();
        List<Facility> bare = statement.query((rs, n) -> {
            ids.add(rs.getObject("id", UUID.class));
            return map(rs, List.of());
        }).list();
        Map<UUID, List<FacilityPerson>> people = people(ids);
        return bare.stream().map(f -> new Facility(f.id(), f.kind(), f.code(),
                new FacilityDetails(f.details().name(), f.details().nameKana(), f.details().postalCode(),
                        f.details().address(), f.details().phone(), people.getOrDefault(f.id().value(), List.of())),
                f.status(), f.joinedOn(), f.withdrawnOn(), f.suspensionReason(), f.suspendedAt())).toList();
    }

    private Map<UUID, List<FacilityPerson>> people(List<UUID> facilityIds) {
        Map<UUID, List<FacilityPerson>> byFacility = new HashMap<>();
        if (facilityIds.isEmpty()) {
            return byFacility;
        }
        jdbc.sql("select * from facility_person where facility_id in (:ids) order by facility_id, position")
                .param("ids", facilityIds)
                .query((rs, n) -> {
                    byFacility.computeIfAbsent(rs.getObject("facility_id", UUID.class), k -> new ArrayList<>())
                            .add(new FacilityPerson(FacilityPerson.Role.valueOf(rs.getString("role")),
                                    rs.getString("name"), rs.getString("post"), rs.getString("phone"),
                                    rs.getString("email")));
                    return null;
                }).list();
        return byFacility;
    }

    private static Facility map(ResultSet rs, List<FacilityPerson> people) throws SQLException {
        Timestamp suspendedAt = rs.getTimestamp("suspended_at");
        return new Facility(new FacilityId(rs.getObject("id", UUID.class)), FacilityKind.valueOf(rs.getString("kind")),
                rs.getString("code"),
                new FacilityDetails(rs.getString("name"), rs.getString("name_kana"), rs.getString("postal_code"),
                        rs.getString("address"), rs.getString("phone"), people),
                FacilityStatus.valueOf(rs.getString("status")), rs.getObject("joined_on", LocalDate.class),
                rs.getObject("withdrawn_on", LocalDate.class), rs.getString("suspension_reason"),
                suspendedAt == null ? null : suspendedAt.toInstant());
    }
}

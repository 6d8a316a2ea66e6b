package org.renkei.staff;

import org.renkei.identity.Profession;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.renkei.facility.FacilityId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored users and their state history. */
@Repository
class StaffMembers {

    private static final String ORDER = " order by family_name_kana, given_name_kana, created_at";

    private final JdbcClient jdbc;

    StaffMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StaffId id, FacilityId facility, NewStaff details, Instant at) {
        jdbc.sql("""
                insert into staff_member (id, facility_id, family_name, given_name, family_name_kana, given_name_kana,
                                          profession, email, status, created_at, updated_at)
                values (:id, :facility, :family, :given, :familyKana, :givenKana, :profession, :email, 'APPLYING',
                        :at, :at)""")
                .param("id", id.value()).param("facility", facility.value())
                .param("family", details.familyName()).param("given", details.givenName())
                .param("familyKana", details.familyNameKana()).param("givenKana", details.givenNameKana())
                .param("profession", details.profession().name()).param("email", details.email())
                .param("at", Timestamp.from(at))
                .update();
    }

    void updateStatus(StaffId id, StaffStatus status, LocalDate joinedOn, LocalDate withdrawnOn,
            String suspensionReason, Instant suspendedAt, Instant at) {
        jdbc.sql("""
                update staff_member set status = :status, joined_on = coalesce(:joined, joined_on),
                       withdrawn_on = coalesce(:withdrawn, withdrawn_on), suspension_reason = :reason,
                       suspended_at = :suspendedAt, updated_at = :at
                where id = :id""")
                .param("status", status.name()).param("joined", joinedOn).param("withdrawn", withdrawnOn)
                .param("reason", suspensionReason)
                .param("suspendedAt", suspendedAt == null ? null : Timestamp.from(suspendedAt))
                .param("at", Timestamp.from(at)).param("id", id.value())
                .update();
    }

    void recordHistory(StaffId id, Instant at, StaffStatus status, String note, String actor) {
        jdbc.sql("""
                insert into staff_history (staff_id, at, status, note, actor)
                values (:id, :at, :status, :note, :actor)""")
                .param("id", id.value()).param("at", Timestamp.from(at)).param("status", status.name())
                .param("note", note).param("actor", actor)
                .update();
    }

    List<StaffMember.HistoryEntry> history(StaffId id) {
        return jdbc.sql("select * from staff_history where staff_id = :id order by at desc, id desc")
                .param("id", id.value())
                .query((rs, n) -> new StaffMember.HistoryEntry(rs.getTimestamp("at").toInstant(),
                        StaffStatus.valueOf(rs.getString("status")), rs.getString("note"), rs.getString("actor")))
                .list();
    }

    /** Just the state, for the check on every request. */
    Optional<StaffStatus> status(StaffId id) {
        return jdbc.sql("select status from staff_member where id = :id").param("id", id.value())
                .query(String.class).optional().map(StaffStatus::valueOf);
    }

    Optional<StaffMember> find(StaffId id) {
        return jdbc.sql("select * from staff_member where id = :id").param("id", id.value())
                .query(StaffMembers::map).optional();
    }

    /** Locks the user's row for a change of state. */
    Optional<StaffMember> lock(StaffId id) {
        return jdbc.sql("select * from staff_member where id = :id for update").param("id", id.value())
                .query(StaffMembers::map).optional();
    }

    List<StaffMember> ofFacility(FacilityId facility) {
        return jdbc.sql("select * from staff_member where facility_id = :facility" + ORDER)
                .param("facility", facility.value()).query(StaffMembers::map).list();
    }

    /** Locks the users of a facility that are in one of the given states. */
    List<StaffMember> lockOfFacility(FacilityId facility, List<StaffStatus> statuses) {
        return jdbc.sql("""
                select * from staff_member where facility_id = :facility and status in (:statuses)
                order by created_at for update""")
                .param("facility", facility.value()).param("statuses", statuses.stream().map(Enum::name).toList())
                .query(StaffMembers::map).list();
    }

    List<StaffMember> all() {
        return jdbc.sql("select * from staff_member" + ORDER).query(StaffMembers::map).list();
    }

    /**
     * Users whose name in kanji or katakana contains the text, spaces ignored on both sides (so {@code 山田太郎}
     * finds {@code 山田 太郎}).
     */
    List<StaffMember> searchByName(String text) {
        String compact = text.replace(" ", "").replace("　", "");
        String like = "%" + compact.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select * from staff_member
                where translate(family_name || given_name, ' 　', '') ilike :q
                   or translate(family_name_kana || given_name_kana, ' 　', '') ilike :q""" + ORDER)
                .param("q", like).query(StaffMembers::map).list();
    }

    private static StaffMember map(ResultSet rs, int n) throws SQLException {
        return new StaffMember(new StaffId(rs.getObject("id", UUID.class)),
                new FacilityId(rs.getObject("facility_id", UUID.class)), rs.getString("family_name"),
                rs.getString("given_name"), rs.getString("family_name_kana"), rs.getString("given_name_kana"),
                Profession.valueOf(rs.getString("profession")), rs.getString("email"),
                StaffStatus.valueOf(rs.getString("status")), rs.getObject("joined_on", LocalDate.class),
                rs.getObject("withdrawn_on", LocalDate.class), rs.getString("suspension_reason"));
    }
}

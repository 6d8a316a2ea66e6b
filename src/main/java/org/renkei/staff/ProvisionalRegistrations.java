package org.renkei.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.renkei.facility.FacilityId;
import org.renkei.identity.Profession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored self-registrations. */
@Repository
class ProvisionalRegistrations {

    private final JdbcClient jdbc;

    ProvisionalRegistrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, FacilityId facility, UUID accountId, String username, NewStaff details, Instant at) {
        jdbc.sql("""
                insert into provisional_registration (id, facility_id, account_id, username, family_name, given_name,
                    family_name_kana, given_name_kana, profession, email, status, registered_at)
                values (:id, :facility, :account, :username, :family, :given, :familyKana, :givenKana, :profession,
                    :email, 'WAITING', :at)""")
                .param("id", id).param("facility", facility.value()).param("account", accountId)
                .param("username", username)
                .param("family", details.familyName()).param("given", details.givenName())
                .param("familyKana", details.familyNameKana()).param("givenKana", details.givenNameKana())
                .param("profession", details.profession().name()).param("email", details.email())
                .param("at", Timestamp.from(at))
                .update();
    }

    Optional<ProvisionalRegistration> find(UUID id) {
        return jdbc.sql("select * from provisional_registration where id = :id").param("id", id)
                .query(ProvisionalRegistrations::map).optional();
    }

    Optional<ProvisionalRegistration> lock(UUID id) {
        return jdbc.sql("select * from provisional_registration where id = :id for update").param("id", id)
                .query(ProvisionalRegistrations::map).optional();
    }

    List<ProvisionalRegistration> waitingFor(FacilityId facility) {
        return jdbc.sql("""
                select * from provisional_registration where facility_id = :facility and status = 'WAITING'
                order by registered_at""")
                .param("facility", facility.value()).query(ProvisionalRegistrations::map).list();
    }

    void decide(UUID id, ProvisionalRegistration.Status status, Instant at, String by, StaffId staffId) {
        jdbc.sql("""
                update provisional_registration set status = :status, decided_at = :at, decided_by = :by,
                       staff_id = :staff
                where id = :id""")
                .param("status", status.name()).param("at", Timestamp.from(at)).param("by", by)
                .param("staff", staffId == null ? null : staffId.value()).param("id", id)
                .update();
    }

    private static ProvisionalRegistration map(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        UUID staff = rs.getObject("staff_id", UUID.class);
        return new ProvisionalRegistration(rs.getObject("id", UUID.class),
                new FacilityId(rs.getObject("facility_id", UUID.class)), rs.getObject("account_id", UUID.class),
                rs.getString("username"),
                new NewStaff(rs.getString("family_name"), rs.getString("given_name"),
                        rs.getString("family_name_kana"), rs.getString("given_name_kana"),
                        Profession.valueOf(rs.getString("profession")), rs.getString("email")),
                ProvisionalRegistration.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("registered_at").toInstant(), decided == null ? null : decided.toInstant(),
                rs.getString("decided_by"), staff == null ? null : new StaffId(staff));
    }
}

package org.renkei.emergency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code emergency_activation} and {@code emergency_grant}. */
@Repository
class EmergencyStore {

    private final JdbcClient jdbc;

    EmergencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Activation a) {
        jdbc.sql("""
                insert into emergency_activation (id, staff_id, staff_name, account_id, auth_level, facility_id,
                    reason, reason_text, activated_at, expires_at)
                values (:id, :staff, :staffName, :account, :authLevel, :facility, :reason, :text, :at, :expires)""")
                .param("id", a.id()).param("staff", a.staffId()).param("staffName", a.staffName())
                .param("account", a.accountId()).param("authLevel", a.authLevel()).param("facility", a.facilityId())
                .param("reason", a.reason().name()).param("text", a.reasonText())
                .param("at", ts(a.activatedAt())).param("expires", ts(a.expiresAt()))
                .update();
    }

    void insert(Grant g) {
        jdbc.sql("""
                insert into emergency_grant (id, activation_id, staff_id, participant_id, granted_at, expires_at)
                values (:id, :activation, :staff, :participant, :at, :expires)""")
                .param("id", g.id()).param("activation", g.activationId()).param("staff", g.staffId())
                .param("participant", g.participantId()).param("at", ts(g.grantedAt()))
                .param("expires", ts(g.expiresAt()))
                .update();
    }

    Optional<Activation> find(UUID id) {
        return jdbc.sql("select * from emergency_activation where id = :id").param("id", id)
                .query((rs, n) -> activation(rs)).optional();
    }

    Optional<Activation> lock(UUID id) {
        return jdbc.sql("select * from emergency_activation where id = :id for update").param("id", id)
                .query((rs, n) -> activation(rs)).optional();
    }

    /** The staff member's latest activation that is open at the instant. */
    Optional<Activation> openActivation(UUID staff, Instant now) {
        return jdbc.sql("""
                select * from emergency_activation where staff_id = :staff and ended_at is null and expires_at > :now
                order by activated_at desc limit 1""")
                .param("staff", staff).param("now", ts(now))
                .query((rs, n) -> activation(rs)).optional();
    }

    /** The staff member's grants open at the instant, newest first. */
    List<Grant> openGrants(UUID staff, Instant now) {
        return jdbc.sql("""
                select * from emergency_grant where staff_id = :staff and ended_at is null and expires_at > :now
                order by granted_at desc""")
                .param("staff", staff).param("now", ts(now))
                .query((rs, n) -> grant(rs)).list();
    }

    List<Grant> grantsOf(UUID activation) {
        return jdbc.sql("select * from emergency_grant where activation_id = :a order by granted_at")
                .param("a", activation).query((rs, n) -> grant(rs)).list();
    }

    /** The staff member's open search (the latest end) and open grants (the latest end per participant). */
    OpenAccess openAccessOf(UUID staff, Instant now) {
        List<Instant> ends = jdbc.sql("""
                select expires_at from emergency_activation
                where staff_id = :staff and ended_at is null and expires_at > :now order by expires_at desc limit 1""")
                .param("staff", staff).param("now", ts(now))
                .query((rs, n) -> instant(rs, 1)).list();
        Instant searchUntil = ends.isEmpty() ? null : ends.get(0);
        Map<UUID, Instant> grants = new HashMap<>();
        jdbc.sql("""
                select participant_id, max(expires_at) as until from emergency_grant
                where staff_id = :staff and ended_at is null and expires_at > :now group by participant_id""")
                .param("staff", staff).param("now", ts(now))
                .query(rs -> {
                    grants.put(rs.getObject("participant_id", UUID.class), instant(rs, 2));
                });
        return new OpenAccess(searchUntil, grants);
    }

    /** Every staff member with open emergency access at the instant. */
    void forEachOpen(Instant now, BiConsumer<UUID, OpenAccess> each) {
        Map<UUID, Instant> searches = new HashMap<>();
        jdbc.sql("""
                select staff_id, max(expires_at) from emergency_activation
                where ended_at is null and expires_at > :now group by staff_id""")
                .param("now", ts(now))
                .query(rs -> {
                    searches.put(rs.getObject(1, UUID.class), instant(rs, 2));
                });
        Map<UUID, Map<UUID, Instant>> grants = new LinkedHashMap<>();
        jdbc.sql("""
                select staff_id, participant_id, max(expires_at) from emergency_grant
                where ended_at is null and expires_at > :now group by staff_id, participant_id""")
                .param("now", ts(now))
                .query(rs -> {
                    grants.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                            .put(rs.getObject(2, UUID.class), instant(rs, 3));
                });
        var staff = new LinkedHashSet<UUID>(searches.keySet());
        staff.addAll(grants.keySet());
        for (UUID s : staff) {
            each.accept(s, new OpenAccess(searches.get(s), grants.getOrDefault(s, Map.of())));
        }
    }

    /** The activations waiting for review, oldest first. */
    List<Activation> pending() {
        return jdbc.sql("select * from emergency_activation where review_state = 'PENDING' order by activated_at")
                .query((rs, n) -> activation(rs)).list();
    }

    /** The latest reviewed activations, newest review first. */
    List<Activation> reviewed(int limit) {
        return jdbc.sql("""
                select * from emergency_activation where review_state <> 'PENDING'
                order by reviewed_at desc limit :limit""")
                .param("limit", limit).query((rs, n) -> activation(rs)).list();
    }

    void review(UUID id, ReviewState state, UUID by, String byName, Instant at, String note, boolean suspended) {
        jdbc.sql("""
                update emergency_activation set review_state = :state, reviewed_by = :by, reviewed_by_name = :byName,
                    reviewed_at = :at, review_note = :note, user_suspended = :suspended
                where id = :id""")
                .param("id", id).param("state", state.name()).param("by", by).param("byName", byName)
                .param("at", ts(at)).param("note", note).param("suspended", suspended)
                .update();
    }

    /** Ends the activation and its grants at once (misuse). */
    void end(UUID id, Instant at) {
        jdbc.sql("update emergency_activation set ended_at = :at where id = :id and ended_at is null")
                .param("id", id).param("at", ts(at)).update();
        jdbc.sql("update emergency_grant set ended_at = :at where activation_id = :id and ended_at is null")
                .param("id", id).param("at", ts(at)).update();
    }

    /** What is open for one staff member: the end of the search (or null), and of each participant's grant. */
    record OpenAccess(Instant searchUntil, Map<UUID, Instant> grantedUntil) {
    }

    private static Activation activation(ResultSet rs) throws SQLException {
        return new Activation(rs.getObject("id", UUID.class), rs.getObject("staff_id", UUID.class),
                rs.getString("staff_name"), rs.getObject("account_id", UUID.class), rs.getString("auth_level"),
                rs.getObject("facility_id", UUID.class), EmergencyReason.valueOf(rs.getString("reason")),
                rs.getString("reason_text"), instant(rs, "activated_at"), instant(rs, "expires_at"),
                instant(rs, "ended_at"), ReviewState.valueOf(rs.getString("review_state")),
                rs.getObject("reviewed_by", UUID.class), rs.getString("reviewed_by_name"),
                instant(rs, "reviewed_at"), rs.getString("review_note"), rs.getBoolean("user_suspended"));
    }

    private static Grant grant(ResultSet rs) throws SQLException {
        return new Grant(rs.getObject("id", UUID.class), rs.getObject("activation_id", UUID.class),
                rs.getObject("staff_id", UUID.class), rs.getObject("participant_id", UUID.class),
                instant(rs, "granted_at"), instant(rs, "expires_at"), instant(rs, "ended_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

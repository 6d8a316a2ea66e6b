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

/** The stored login accounts, their password history and their second factor. */
@Repository
class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new account is created with; everything else starts empty. */
    record NewAccount(UUID id, String username, String displayName, String passwordHash, AccountType type,
            UUID facilityId, UUID staffId, boolean enabled, Instant validUntil, boolean mustChangePassword,
            String issuedReason, String issuedBy) {
    }

    void insert(NewAccount a, Instant now) {
        jdbc.sql("""
                insert into login_account (id, username, display_name, password_hash, kind, facility_id, staff_id,
                    enabled, created_at, valid_until, password_changed_at, must_change_password, issued_reason,
                    issued_by)
                values (:id, :username, :displayName, :hash, :kind, :facility, :staff, :enabled, :now, :validUntil,
                    :now, :mustChange, :reason, :by)""")
                .param("id", a.id())
                .param("username", a.username())
                .param("displayName", a.displayName())
                .param("hash", a.passwordHash())
                .param("kind", a.type().name())
                .param("facility", a.facilityId())
                .param("staff", a.staffId())
                .param("enabled", a.enabled())
                .param("now", Timestamp.from(now))
                .param("validUntil", timestamp(a.validUntil()))
                .param("mustChange", a.mustChangePassword())
                .param("reason", a.issuedReason())
                .param("by", a.issuedBy())
                .update();
        addHistory(a.id(), a.passwordHash(), now);
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("select * from login_account where username = :username")
                .param("username", username).query(Accounts::map).optional();
    }

    Optional<Account> find(UUID id) {
        return jdbc.sql("select * from login_account where id = :id").param("id", id).query(Accounts::map).optional();
    }

    /** Locks the account's row for a change that depends on its current state. */
    Optional<Account> lock(UUID id) {
        return jdbc.sql("select * from login_account where id = :id for update")
                .param("id", id).query(Accounts::map).optional();
    }

    boolean existsByUsername(String username) {
        return jdbc.sql("select count(*) from login_account where username = :username")
                .param("username", username).query(Long.class).single() > 0;
    }

    long countByType(AccountType type) {
        return jdbc.sql("select count(*) from login_account where kind = :kind")
                .param("kind", type.name()).query(Long.class).single();
    }

    /** Every account, the operator's first, then by ID. */
    List<Account> all() {
        return jdbc.sql("""
                select * from login_account
                order by case kind when 'OPERATOR' then 0 when 'FACILITY_ADMINISTRATOR' then 1
                                   when 'TEMPORARY' then 2 else 3 end, username""")
                .query(Accounts::map).list();
    }

    List<Account> lockedAt(Instant now) {
        return jdbc.sql("select * from login_account where locked_until > :now order by locked_until")
                .param("now", Timestamp.from(now)).query(Accounts::map).list();
    }

    List<Account> ofStaff(UUID staffId) {
        return jdbc.sql("select * from login_account where staff_id = :staff order by created_at desc")
                .param("staff", staffId).query(Accounts::map).list();
    }

    // --- attempts and lock (ACC-01)

    void recordFailure(UUID id, int failedAttempts, Instant at, Instant lockedUntil) {
        jdbc.sql("""
                update login_account set failed_attempts = :failed, last_failed_at = :at, locked_until = :lockedUntil
                where id = :id""")
                .param("failed", failedAttempts).param("at", Timestamp.from(at))
                .param("lockedUntil", timestamp(lockedUntil)).param("id", id)
                .update();
    }

    void recordLogin(UUID id, Instant at) {
        jdbc.sql("""
                update login_account set failed_attempts = 0, locked_until = null, last_login_at = :at
                where id = :id""")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** Lifts a lock; false when the account was not locked. */
    boolean unlock(UUID id, Instant now) {
        return jdbc.sql("""
                update login_account set failed_attempts = 0, locked_until = null
                where id = :id and locked_until > :now""")
                .param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    // --- passwords (USR-05)

    void setPassword(UUID id, String hash, boolean mustChange, Instant at) {
        jdbc.sql("""
                update login_account set password_hash = :hash, password_changed_at = :at,
                       must_change_password = :mustChange
                where id = :id""")
                .param("hash", hash).param("at", Timestamp.from(at)).param("mustChange", mustChange)
                .param("id", id).update();
        addHistory(id, hash, at);
    }

    /** The hashes of the account's most recent passwords, the current one first. */
    List<String> recentPasswordHashes(UUID id, int count) {
        return jdbc.sql("""
                select password_hash from password_history where account_id = :id
                order by set_at desc, id desc limit :count""")
                .param("id", id).param("count", count).query(String.class).list();
    }

    private void addHistory(UUID id, String hash, Instant at) {
        jdbc.sql("insert into password_history (account_id, password_hash, set_at) values (:id, :hash, :at)")
                .param("id", id).param("hash", hash).param("at", Timestamp.from(at)).update();
    }

    // --- second factor

    Optional<byte[]> totpSecret(UUID id) {
        return jdbc.sql("select totp_secret from login_account where id = :id and totp_enrolled_at is not null")
                .param("id", id).query((rs, n) -> rs.getBytes(1)).optional();
    }

    Optional<byte[]> totpPendingSecret(UUID id) {
        return jdbc.sql("select totp_pending_secret from login_account where id = :id")
                .param("id", id).query((rs, n) -> Optional.ofNullable(rs.getBytes(1))).optional()
                .flatMap(secret -> secret);
    }

    void setTotpPendingSecret(UUID id, byte[] sealed) {
        jdbc.sql("update login_account set totp_pending_secret = :secret where id = :id")
                .param("secret", sealed).param("id", id).update();
    }

    /** The pending secret becomes the enrolled one; the step of the confirming code counts as used. */
    void enrolTotp(UUID id, byte[] sealed, long usedStep, Instant at) {
        jdbc.sql("""
                update login_account set totp_secret = :secret, totp_enrolled_at = :at, totp_pending_secret = null,
                       totp_last_step = :step
                where id = :id""")
                .param("secret", sealed).param("at", Timestamp.from(at)).param("step", usedStep).param("id", id)
                .update();
    }

    /**
     * Takes the code of this step as used, unless a code of this or a later step was already taken: true when it
     * was free. One conditional update, so two requests racing with the same code cannot both win.
     */
    boolean takeTotpStep(UUID id, long step) {
        return jdbc.sql("""
                update login_account set totp_last_step = :step
                where id = :id and (totp_last_step is null or totp_last_step < :step)""")
                .param("step", step).param("id", id).update() == 1;
    }

    void resetTotp(UUID id) {
        jdbc.sql("""
                update login_account set totp_secret = null, totp_enrolled_at = null, totp_pending_secret = null,
                       totp_last_step = null
                where id = :id""")
                .param("id", id).update();
    }

    // --- provisional and temporary accounts

    /** A waiting provisional account is confirmed: linked to its user, usable until the given time. */
    boolean confirmProvisional(UUID id, UUID staffId, Instant validUntil) {
        return jdbc.sql("""
                update login_account set staff_id = :staff, valid_until = :validUntil, enabled = true
                where id = :id and kind = 'PROVISIONAL' and staff_id is null and closed_at is null""")
                .param("staff", staffId).param("validUntil", Timestamp.from(validUntil)).param("id", id)
                .update() == 1;
    }

    void renew(UUID id, Instant validUntil) {
        jdbc.sql("update login_account set valid_until = :validUntil, renewals = renewals + 1 where id = :id")
                .param("validUntil", Timestamp.from(validUntil)).param("id", id).update();
    }

    /** Closes an account for good; false when it already was. */
    boolean close(UUID id, String reason, Instant at) {
        return jdbc.sql("""
                update login_account set enabled = false, closed_at = :at, closed_reason = :reason
                where id = :id and closed_at is null""")
                .param("at", Timestamp.from(at)).param("reason", reason).param("id", id).update() == 1;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Account map(ResultSet rs, int n) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), AccountType.valueOf(rs.getString("kind")),
                rs.getObject("facility_id", UUID.class), rs.getObject("staff_id", UUID.class),
                rs.getBoolean("enabled"), instant(rs, "created_at"), instant(rs, "valid_until"),
                instant(rs, "password_changed_at"), rs.getBoolean("must_change_password"),
                rs.getInt("failed_attempts"), instant(rs, "last_failed_at"), instant(rs, "locked_until"),
                instant(rs, "last_login_at"), instant(rs, "totp_enrolled_at"), rs.getString("issued_reason"),
                rs.getString("issued_by"), rs.getInt("renewals"), instant(rs, "closed_at"),
                rs.getString("closed_reason"));
    }
}

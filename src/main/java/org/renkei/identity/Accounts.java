package org.renkei.identity;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored login accounts. */
@Repository
class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Account a) {
        jdbc.sql("""
                insert into login_account (id, username, display_name, password_hash, kind, facility_id, enabled, created_at)
                values (:id, :username, :displayName, :hash, :kind, :facility, :enabled, :createdAt)""")
                .param("id", a.id())
                .param("username", a.username())
                .param("displayName", a.displayName())
                .param("hash", a.passwordHash())
                .param("kind", a.kind().name())
                .param("facility", a.facilityId())
                .param("enabled", a.enabled())
                .param("createdAt", java.sql.Timestamp.from(a.createdAt()))
                .update();
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("select * from login_account where username = :username")
                .param("username", username)
                .query((rs, n) -> new Account(rs.getObject("id", java.util.UUID.class), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("password_hash"),
                        Actor.AccountKind.valueOf(rs.getString("kind")),
                        rs.getObject("facility_id", java.util.UUID.class), rs.getBoolean("enabled"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** Whether the account exists and is enabled. */
    boolean enabled(java.util.UUID id) {
        return jdbc.sql("select enabled from login_account where id = :id").param("id", id)
                .query(Boolean.class).optional().orElse(false);
    }

    boolean existsByUsername(String username) {
        return jdbc.sql("select count(*) from login_account where username = :username")
                .param("username", username).query(Long.class).single() > 0;
    }

    long countByKind(Actor.AccountKind kind) {
        return jdbc.sql("select count(*) from login_account where kind = :kind")
                .param("kind", kind.name()).query(Long.class).single();
    }
}

package org.renkei.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the audit trail: entries matching a filter, newest first (by their place in the chain), a page at a time
 * before a place, or all of them streamed (for the CSV); one entry by id; a participant's accesses.
 */
@Repository
class AuditQuery {

    /** Rows fetched at a time when the whole result is streamed. */
    private static final int FETCH_SIZE = 500;

    private static final String COLUMNS = """
            seq, id, at, action, outcome, purpose, account_id, username, actor_name, auth_level, facility_id, staff_id,
            participant_id, resource_type, resource_id, detail, client_address, device, request_id""";

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final TransactionTemplate readOnly;

    AuditQuery(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = JdbcClient.create(dataSource);
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(new NamedParameterJdbcTemplate(template));
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The entries matching, newest first, before the place {@code before} (null: from the newest). */
    List<AuditEntry> page(AuditFilter filter, Long before, int limit) {
        Where where = where(filter);
        if (before != null) {
            where.and("seq < :before", "before", before);
        }
        return jdbc.sql("select " + COLUMNS + " from audit_event" + where + " order by seq desc limit :limit")
                .params(where.params).param("limit", limit)
                .query(AuditQuery::entry).list();
    }

    /** The entries matching, newest first, from an offset (for FHIR's numbered pages). */
    List<AuditEntry> slice(AuditFilter filter, int offset, int limit) {
        Where where = where(filter);
        return jdbc.sql("select " + COLUMNS + " from audit_event" + where
                        + " order by seq desc offset :offset limit :limit")
                .params(where.params).param("offset", offset).param("limit", limit)
                .query(AuditQuery::entry).list();
    }

    int count(AuditFilter filter) {
        Where where = where(filter);
        return jdbc.sql("select count(*) from audit_event" + where).params(where.params).query(Integer.class).single();
    }

    /** Every entry matching, newest first, handed to the consumer one by one without holding them all. */
    void stream(AuditFilter filter, Consumer<AuditEntry> consumer) {
        Where where = where(filter);
        readOnly.executeWithoutResult(status -> streaming
                .sql("select " + COLUMNS + " from audit_event" + where + " order by seq desc")
                .params(where.params)
                .query(rs -> {
                    consumer.accept(entry(rs, 0));
                }));
    }

    Optional<AuditEntry> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from audit_event where id = :id").param("id", id)
                .query(AuditQuery::entry).optional();
    }

    /**
     * A participant's successful accesses of the given actions, newest first, before a place; entries about the
     * audit trail itself (someone reading the participant's audit entries) are not accesses to their data.
     */
    List<AuditEntry> accesses(UUID participant, Collection<AuditAction> actions, Long before, int limit) {
        Where where = new Where();
        where.and("participant_id = :participant", "participant", participant);
        where.and("outcome = 'SUCCESS'", null, null);
        where.and("action in (:actions)", "actions", actions.stream().map(Enum::name).toList());
        where.and("(resource_type is null or resource_type <> 'AuditEvent')", null, null);
        if (before != null) {
            where.and("seq < :before", "before", before);
        }
        return jdbc.sql("select " + COLUMNS + " from audit_event" + where + " order by seq desc limit :limit")
                .params(where.params).param("limit", limit)
                .query(AuditQuery::entry).list();
    }

    private static Where where(AuditFilter f) {
        Where where = new Where();
        if (f.participant() != null) {
            where.and("participant_id = :participant", "participant", f.participant());
        }
        if (f.agent() != null) {
            where.and("(staff_id = :agent or account_id = :agent)", "agent", f.agent());
        }
        if (f.staffText() != null) {
            where.and("(username ilike :staff escape '\\' or actor_name ilike :staff escape '\\')", "staff",
                    "%" + like(f.staffText()) + "%");
        }
        if (f.facility() != null) {
            where.and("facility_id = :facility", "facility", f.facility());
        }
        if (f.from() != null) {
            where.and("at >= :from", "from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.and("at <= :to", "to", Timestamp.from(f.to()));
        }
        if (!f.actions().isEmpty()) {
            where.and("action in (:actions)", "actions", f.actions().stream().map(Enum::name).toList());
        }
        if (f.purpose() != null) {
            where.and("purpose = :purpose", "purpose", f.purpose().name());
        }
        if (f.outcome() != null) {
            where.and("outcome = :outcome", "outcome", f.outcome().name());
        }
        return where;
    }

    /** The text with LIKE's wildcards taken literally. */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        var event = new AuditEvent(AuditAction.valueOf(rs.getString("action")),
                AuditOutcome.valueOf(rs.getString("outcome")), AuditPurpose.valueOf(rs.getString("purpose")),
                rs.getObject("account_id", UUID.class), rs.getString("username"), rs.getString("actor_name"),
                rs.getString("auth_level"), rs.getObject("facility_id", UUID.class),
                rs.getObject("staff_id", UUID.class), rs.getObject("participant_id", UUID.class),
                rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("detail"),
                rs.getString("client_address"), rs.getString("device"), rs.getString("request_id"));
        return new AuditEntry(rs.getLong("seq"), rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
                event);
    }

    /** A where clause being built, with its parameters. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new LinkedHashMap<>();

        void and(String condition, String name, Object value) {
            conditions.add(condition);
            if (name != null) {
                params.put(name, value);
            }
        }

        @Override
        public String toString() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }
    }
}

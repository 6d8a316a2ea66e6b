package org.renkei.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.renkei.audit.ViewedSubjects;
import org.renkei.platform.database.CommittedVersions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored records and their versions. */
@Repository
class Records {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CommittedVersions versions;
    /** Current versions by id, for the audit writer's round of views. */
    private final ViewedSubjects<StoredRecord> current = this::findAll;

    Records(JdbcClient jdbc, JdbcTemplate template, CommittedVersions versions) {
        this.jdbc = jdbc;
        this.template = template;
        this.versions = versions;
    }

    void insert(StoredRecord r) {
        jdbc.sql("""
                insert into record (id, resource_type, category, participant_id, author_facility_id, author_staff_id,
                    version, status, effective_at, code_system, code, display, original, attachment_sha256, content,
                    created_at, updated_at)
                values (:id, :type, :category, :participant, :facility, :staff, :version, :status, :effective,
                    :codeSystem, :code, :display, :original, :sha, :content, :at, :at)""")
                .params(params(r)).update();
        insertVersion(r);
    }

    void update(StoredRecord r) {
        jdbc.sql("""
                update record set version = :version, status = :status, effective_at = :effective,
                    code_system = :codeSystem, code = :code, display = :display, content = :content, updated_at = :at
                where id = :id and version = :version - 1""")
                .params(params(r)).update();
        insertVersion(r);
    }

    private void insertVersion(StoredRecord r) {
        jdbc.sql("""
                insert into record_version (record_id, version, status, content, stored_at, stored_by, facility_id)
                values (:id, :version, :status, :content, :at, :staff, :facility)""")
                .params(params(r)).update();
    }

    private static Map<String, Object> params(StoredRecord r) {
        var p = new LinkedHashMap<String, Object>();
        p.put("id", r.id());
        p.put("type", r.resourceType());
        p.put("category", r.category().name());
        p.put("participant", r.participant());
        p.put("facility", r.authorFacility());
        p.put("staff", r.authorStaff());
        p.put("version", r.version());
        p.put("status", r.status().name());
        p.put("effective", r.effectiveAt() == null ? null : Timestamp.from(r.effectiveAt()));
        p.put("codeSystem", r.codeSystem());
        p.put("code", r.code());
        p.put("display", r.display());
        p.put("original", r.original());
        p.put("sha", r.attachmentSha256());
        p.put("content", r.content());
        p.put("at", Timestamp.from(r.storedAt()));
        return p;
    }

    /** The columns {@link #map} reads, in its order. */
    private static final String RECORD_COLUMNS = """
            id, resource_type, category, participant_id, author_facility_id, author_staff_id, version, status,
            effective_at, code_system, code, display, original, attachment_sha256, content, updated_at""";
    private static final int RECORD_COLUMN_COUNT = 16;

    /**
     * The record by its id. In a request that went ahead on version counters it has not confirmed yet (a card's
     * standing, see {@link CommittedVersions}), the statement of a round of views reads the counters along and
     * confirms them — found or not — so that a read waits for no read of the counters of its own.
     */
    Optional<StoredRecord> find(UUID id) {
        if (!versions.awaitsConfirmation()) {
            return jdbc.sql("select " + RECORD_COLUMNS + " from record where id = ?").param(id)
                    .query((rs, n) -> map(rs)).optional();
        }
        ViewedSubjects.Found<StoredRecord> found = findAll(List.of(id));
        return Optional.ofNullable(versions.onBehalfOf(versions.currentRequest(), found.versions(),
                () -> found.subjects().get(id)));
    }

    /** The current versions by id, read for a round of views in one statement with the version counters. */
    ViewedSubjects<StoredRecord> current() {
        return current;
    }

    private ViewedSubjects.Found<StoredRecord> findAll(List<UUID> ids) {
        String counters = versions.columns();
        String sql = "select " + RECORD_COLUMNS + (counters.isEmpty() ? "" : ", " + counters)
                + " from unnest(?) as wanted (record_id) left join record on record.id = wanted.record_id";
        Object[] distinct = new LinkedHashSet<>(ids).toArray();
        return template.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setArray(1, connection.createArrayOf("uuid", distinct));
            return statement;
        }, rs -> {
            Map<UUID, StoredRecord> found = new HashMap<>();
            long[] counted = null;
            while (rs.next()) { // a row for each id, found or not
                counted = versions.valuesFrom(rs, RECORD_COLUMN_COUNT + 1);
                if (rs.getObject(1) != null) {
                    StoredRecord record = map(rs);
                    found.put(record.id(), record);
                }
            }
            return new ViewedSubjects.Found<>(found, counted);
        });
    }

    /** Locks the record for a new version. */
    Optional<StoredRecord> lock(UUID id) {
        return jdbc.sql("select " + RECORD_COLUMNS + " from record where id = :id for update").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    /** Every version, newest first; the record's indexed fields are the current ones. */
    List<StoredRecord> versions(StoredRecord current) {
        return jdbc.sql("select * from record_version where record_id = :id order by version desc")
                .param("id", current.id())
                .query((rs, n) -> new StoredRecord(current.id(), current.resourceType(), current.category(),
                        current.participant(), rs.getObject("facility_id", UUID.class),
                        rs.getObject("stored_by", UUID.class), rs.getInt("version"),
                        RecordStatus.valueOf(rs.getString("status")), current.effectiveAt(), current.codeSystem(),
                        current.code(), current.display(), current.original(), current.attachmentSha256(),
                        rs.getString("content"), rs.getTimestamp("stored_at").toInstant()))
                .list();
    }

    Optional<StoredRecord> version(StoredRecord current, int version) {
        return versions(current).stream().filter(v -> v.version() == version).findFirst();
    }

    List<StoredRecord> search(RecordQuery q) {
        var where = where(q);
        var statement = jdbc.sql("select " + RECORD_COLUMNS + " from record " + where.sql()
                + " order by effective_at desc nulls last, id limit :limit offset :offset");
        where.params().forEach(statement::param);
        return statement.param("limit", q.limit()).param("offset", q.offset()).query((rs, n) -> map(rs)).list();
    }

    int count(RecordQuery q) {
        var where = where(q);
        var statement = jdbc.sql("select count(*) from record " + where.sql());
        where.params().forEach(statement::param);
        return statement.query(Integer.class).single();
    }

    /** Records of the participant stored by other facilities after the instant (DOC-06). */
    int storedSince(UUID participant, UUID exceptFacility, Instant since) {
        return jdbc.sql("""
                select count(*) from record where participant_id = :p and author_facility_id <> :f
                    and updated_at > :since and category <> 'BINARY' and status = 'CURRENT'""")
                .param("p", participant).param("f", exceptFacility).param("since", Timestamp.from(since))
                .query(Integer.class).single();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(RecordQuery q) {
        var sql = new StringBuilder("where participant_id = :participant");
        var params = new LinkedHashMap<String, Object>();
        params.put("participant", q.participant());
        if (!q.categories().isEmpty()) {
            sql.append(" and category in (:categories)");
            params.put("categories", q.categories().stream().map(Enum::name).toList());
        } else {
            sql.append(" and category <> 'BINARY'");
        }
        if (q.from() != null) {
            sql.append(" and effective_at >= :from");
            params.put("from", Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and effective_at < :to");
            params.put("to", Timestamp.from(q.to()));
        }
        if (q.authorFacility() != null) {
            sql.append(" and author_facility_id = :authorFacility");
            params.put("authorFacility", q.authorFacility());
        }
        if (q.code() != null) {
            sql.append(" and code = :code");
            params.put("code", q.code());
            if (q.codeSystem() != null) {
                sql.append(" and code_system = :codeSystem");
                params.put("codeSystem", q.codeSystem());
            }
        }
        if (!q.includeEnteredInError()) {
            sql.append(" and status = 'CURRENT'");
        }
        return new Where(sql.toString(), params);
    }

    /** A row of {@link #RECORD_COLUMNS}, read by position (no look-up of names, times without a calendar). */
    static StoredRecord map(ResultSet rs) throws SQLException {
        OffsetDateTime effective = rs.getObject(9, OffsetDateTime.class);
        return new StoredRecord(rs.getObject(1, UUID.class), rs.getString(2),
                RecordCategory.valueOf(rs.getString(3)), rs.getObject(4, UUID.class),
                rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                rs.getInt(7), RecordStatus.valueOf(rs.getString(8)),
                effective == null ? null : effective.toInstant(), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getBoolean(13), rs.getString(14),
                rs.getString(15), rs.getObject(16, OffsetDateTime.class).toInstant());
    }
}

package org.renkei.notice;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored notices. */
@Repository
class Notices {

    private final JdbcClient jdbc;

    Notices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Notice n) {
        jdbc.sql("""
                insert into notice (id, facility_id, kind, subject, body, recipients, sent_at)
                values (:id, :facility, :kind, :subject, :body, :recipients, :sentAt)""")
                .param("id", n.id()).param("facility", n.facilityId()).param("kind", n.kind())
                .param("subject", n.subject()).param("body", n.body()).param("recipients", n.recipients())
                .param("sentAt", Timestamp.from(n.sentAt()))
                .update();
    }

    List<Notice> ofFacility(UUID facilityId) {
        return jdbc.sql("select * from notice where facility_id = :facility order by sent_at desc")
                .param("facility", facilityId)
                .query((rs, n) -> new Notice(rs.getObject("id", UUID.class), rs.getObject("facility_id", UUID.class),
                        rs.getString("kind"), rs.getString("subject"), rs.getString("body"),
                        rs.getString("recipients"), rs.getTimestamp("sent_at").toInstant(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant(),
                        rs.getString("read_by")))
                .list();
    }

    boolean markRead(UUID id, UUID facilityId, String by, Instant at) {
        return jdbc.sql("""
                update notice set read_at = :at, read_by = :by
                where id = :id and facility_id = :facility and read_at is null""")
                .param("at", Timestamp.from(at)).param("by", by).param("id", id).param("facility", facilityId)
                .update() == 1;
    }
}

package org.renkei.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.platform.database.CommittedVersions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * AUD-01: a view read, decided and recorded in the audit writer's round ({@link AuditTrail#recordView}) is shown
 * only with its entry durable, and a view decided against leaves no entry.
 */
@RenkeiTest
class AuditViewRoundTests {

    @Autowired AuditTrail trail;
    @Autowired JdbcTemplate jdbc;
    @Autowired CommittedVersions versions;
    @Autowired TransactionTemplate transactions;

    /** Subjects kept in a map, read with the counters as a record's statement reads them; counts its statements. */
    private final class Subjects implements ViewedSubjects<String> {
        final Map<UUID, String> stored;
        final AtomicInteger statements = new AtomicInteger();
        final AtomicInteger idsRead = new AtomicInteger();

        Subjects(Map<UUID, String> stored) {
            this.stored = stored;
        }

        @Override
        public Found<String> read(List<UUID> ids) {
            statements.incrementAndGet();
            idsRead.addAndGet(ids.size());
            long[] counted = jdbc.query("select " + versions.columns(), rs -> {
                rs.next();
                return versions.valuesFrom(rs, 1);
            });
            var found = new java.util.HashMap<UUID, String>();
            ids.forEach(id -> {
                if (stored.containsKey(id)) {
                    found.put(id, stored.get(id));
                }
            });
            return new Found<>(found, counted);
        }
    }

    private static AuditEvent viewOf(UUID id, String detail) {
        return AuditEvent.of(AuditAction.VIEW).username("view-round-test").resource("Observation", id)
                .detail(detail).build();
    }

    private int entriesFor(UUID id) {
        return jdbc.queryForObject("select count(*) from audit_event where resource_id = ?", Integer.class,
                id.toString());
    }

    @Test
    @DisplayName("AUD-01 a view decided for in the writer's round is shown with its entry durable; one decided against, or of nothing, leaves none")
    void shownOnlyWithItsEntry() {
        UUID shown = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        UUID missing = UUID.randomUUID();
        var subjects = new Subjects(Map.of(shown, "検査結果", refused, "紹介状"));

        Optional<String> view = trail.recordView(shown, subjects, s -> viewOf(shown, "read " + s));
        assertThat(view).contains("検査結果");
        assertThat(entriesFor(shown)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select detail from audit_event where resource_id = ?", String.class,
                shown.toString())).isEqualTo("read 検査結果");

        assertThat(trail.recordView(refused, subjects, s -> null)).isEmpty();
        assertThat(entriesFor(refused)).isZero();

        AtomicInteger decided = new AtomicInteger();
        assertThat(trail.recordView(missing, subjects, s -> {
            decided.incrementAndGet();
            return viewOf(missing, "read");
        })).isEmpty();
        assertThat(decided).as("nothing to decide on").hasValue(0);
        assertThat(entriesFor(missing)).isZero();
    }

    @Test
    @DisplayName("AUD-01 views asked for at the same time are read together, each still shown with an entry of its own")
    void viewsAtTheSameTimeShareTheirRead() throws Exception {
        var stored = new java.util.HashMap<UUID, String>();
        for (int i = 0; i < 40; i++) {
            stored.put(UUID.randomUUID(), "record " + i);
        }
        var subjects = new Subjects(stored);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<String>>> views = new ArrayList<>();
            for (UUID id : stored.keySet()) {
                views.add(callers.submit(() -> trail.recordView(id, subjects, s -> viewOf(id, "read"))));
            }
            for (Future<Optional<String>> view : views) {
                assertThat(view.get(30, TimeUnit.SECONDS)).isPresent();
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(subjects.idsRead).hasValue(40);
        assertThat(subjects.statements.get()).isBetween(1, 40);
        for (UUID id : stored.keySet()) {
            assertThat(entriesFor(id)).as("an entry for each view").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("AUD-01 when the subjects cannot be read, the view fails with that failure and leaves no entry")
    void aFailedReadFailsTheView() {
        UUID id = UUID.randomUUID();
        ViewedSubjects<String> broken = ids -> {
            throw new DataAccessResourceFailureException("database gone");
        };
        assertThatThrownBy(() -> trail.recordView(id, broken, s -> viewOf(id, "read")))
                .isInstanceOf(DataAccessResourceFailureException.class).hasMessage("database gone");
        assertThat(entriesFor(id)).isZero();
    }

    @Test
    @DisplayName("AUD-01 a view inside a transaction is refused: its subject would be read on another connection")
    void notInsideATransaction() {
        UUID id = UUID.randomUUID();
        var subjects = new Subjects(Map.of(id, "検査結果"));
        assertThatThrownBy(() -> transactions.executeWithoutResult(
                status -> trail.recordView(id, subjects, s -> viewOf(id, "read"))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(entriesFor(id)).isZero();
        assertThat(subjects.statements).hasValue(0);
    }

    @Test
    @DisplayName("AUD-01 entries made for a view in the writer's round name the request's client and id: the view's and a denial's")
    void entriesNameTheRequest() {
        UUID id = UUID.randomUUID();
        var subjects = new Subjects(Map.of(id, "検査結果"));
        var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/fhir/Observation/" + id);
        request.setRemoteAddr("192.0.2.44");
        request.setAttribute(AuditRequests.class.getName() + ".id", "req-view-round");
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(request));
        try {
            assertThat(trail.recordView(id, subjects, s -> {
                trail.recordLater(AuditEvent.of(AuditAction.ACCESS_DENIED).username("view-round-test")
                        .resource("Observation", id).denied().build());
                return viewOf(id, "read");
            })).isPresent();
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
        trail.record(viewOf(UUID.randomUUID(), "after")); // the denial, queued without waiting, is durable by now
        var rows = jdbc.queryForList("select action, client_address, request_id from audit_event where resource_id = ?"
                + " order by seq", id.toString());
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("client_address")).isEqualTo("192.0.2.44");
            assertThat(row.get("request_id")).isEqualTo("req-view-round");
        });
    }
}

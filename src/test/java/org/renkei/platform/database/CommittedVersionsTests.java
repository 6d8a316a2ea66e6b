package org.renkei.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

@RenkeiTest
class CommittedVersionsTests {

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    private final RequestVersions filter = new RequestVersions();

    private long inTable(String table) {
        return jdbc.sql("select version from " + table).query(Long.class).single();
    }

    /** Counts a counter up the way a committed change does (autocommit: committed when this returns). */
    private void commitAChange(String table) {
        jdbc.sql("update " + table + " set version = version + 1").update();
    }

    @Test
    @DisplayName("CON-02 USR-07 one query reads every counter, each as committed")
    void everyCounterAsCommitted() {
        var versions = new CommittedVersions(dataSource);
        var access = versions.counter("access_version");
        var standing = versions.counter("standing_version");
        assertThat(access.current()).isEqualTo(inTable("access_version"));
        assertThat(standing.current()).isEqualTo(inTable("standing_version"));
        commitAChange("standing_version");
        assertThat(standing.current()).as("outside a request every read is fresh")
                .isEqualTo(inTable("standing_version"));
    }

    @Test
    @DisplayName("CON-02 USR-07 a GET request decides on its first read; the next request sees what committed meanwhile")
    void aGetRequestKeepsItsFirstRead() throws Exception {
        var versions = new CommittedVersions(dataSource);
        var standing = versions.counter("standing_version");
        var access = versions.counter("access_version");
        List<Long> seen = new ArrayList<>();
        FilterChain request = (req, res) -> {
            seen.add(standing.current());
            commitAChange("standing_version");
            commitAChange("access_version");
            seen.add(standing.current());
            seen.add(access.current());
        };
        long before = inTable("standing_version");
        long accessBefore = inTable("access_version");
        filter.doFilter(new MockHttpServletRequest("GET", "/fhir/Observation/1"), new MockHttpServletResponse(),
                request);
        assertThat(seen).containsExactly(before, before, accessBefore);
        assertThat(standing.current()).isEqualTo(before + 1);

        seen.clear();
        filter.doFilter(new MockHttpServletRequest("GET", "/fhir/Observation/1"), new MockHttpServletResponse(),
                request);
        assertThat(seen).as("the next request").containsExactly(before + 1, before + 1, accessBefore + 1);
    }

    @Test
    @DisplayName("CON-02 USR-07 a POST request reads afresh each time (it may decide on what it just committed)")
    void aPostReadsAfresh() throws Exception {
        var standing = new CommittedVersions(dataSource).counter("standing_version");
        List<Long> seen = new ArrayList<>();
        long before = inTable("standing_version");
        filter.doFilter(new MockHttpServletRequest("POST", "/fhir"), new MockHttpServletResponse(), (req, res) -> {
            seen.add(standing.current());
            commitAChange("standing_version");
            seen.add(standing.current());
        });
        assertThat(seen).containsExactly(before, before + 1);
    }

    /** A statement of the request's own that selects the counters along, as a record read does. */
    private void readData(CommittedVersions versions) {
        long[] counted = jdbc.sql("select 1, " + versions.columns())
                .query((rs, n) -> versions.valuesFrom(rs, 2)).single();
        versions.onBehalfOf(versions.currentRequest(), counted, () -> 1);
    }

    @Test
    @DisplayName("USR-07 a GET request goes ahead on the versions last read and confirms them with its first statement: the recheck runs only if they changed")
    void tentativeThenConfirmed() throws Exception {
        var versions = new CommittedVersions(dataSource);
        var standing = versions.counter("standing_version");
        versions.counter("access_version");
        long before = standing.current(); // this node's last read
        List<String> rechecks = new ArrayList<>();
        filter.doFilter(new MockHttpServletRequest("GET", "/fhir/Observation/1"), new MockHttpServletResponse(),
                (req, res) -> {
                    assertThat(standing.tentativelyAt(before - 1, () -> rechecks.add("older"))).isFalse();
                    assertThat(standing.tentativelyAt(before, () -> rechecks.add("first"))).isTrue();
                    assertThat(versions.awaitsConfirmation()).isTrue();
                    readData(versions);
                    assertThat(versions.awaitsConfirmation()).isFalse();
                    assertThat(standing.current()).isEqualTo(before);
                });
        assertThat(rechecks).as("nothing changed: nothing checked again").isEmpty();

        List<Long> seenByRecheck = new ArrayList<>();
        filter.doFilter(new MockHttpServletRequest("GET", "/fhir/Observation/1"), new MockHttpServletResponse(),
                (req, res) -> {
                    assertThat(standing.tentativelyAt(before, () -> seenByRecheck.add(standing.current()))).isTrue();
                    commitAChange("standing_version"); // committed before the request's first statement
                    readData(versions);
                    assertThat(standing.current()).isEqualTo(before + 1);
                });
        assertThat(seenByRecheck).as("checked again, on the confirmed version").containsExactly(before + 1);

        var post = new ArrayList<Boolean>();
        filter.doFilter(new MockHttpServletRequest("POST", "/fhir"), new MockHttpServletResponse(),
                (req, res) -> post.add(standing.tentativelyAt(before + 1, () -> { })));
        assertThat(post).as("a POST reads afresh").containsExactly(false);
    }

    @Test
    @DisplayName("USR-07 a recheck that refuses fails the request and every later read in it; the answer is a 401 and nothing written leaves")
    void refusedRecheck() throws Exception {
        var versions = new CommittedVersions(dataSource);
        var standing = versions.counter("standing_version");
        long before = standing.current();
        Runnable refuse = () -> {
            throw new RecheckRefusedException("refused", "X-Test-Refusal", "revoked");
        };

        var response = new MockHttpServletResponse();
        List<String> steps = new ArrayList<>();
        filter.doFilter(new MockHttpServletRequest("GET", "/fhir/Patient"), response, (req, res) -> {
            assertThat(standing.tentativelyAt(before, refuse)).isTrue();
            commitAChange("standing_version");
            try {
                standing.current(); // the request's first decision: confirms
            } catch (RecheckRefusedException e) {
                steps.add("refused at the decision");
            }
            try {
                standing.current();
            } catch (RecheckRefusedException e) {
                steps.add("and at every later read");
            }
            res.getWriter().write("participant data");
        });
        assertThat(steps).containsExactly("refused at the decision", "and at every later read");
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("X-Test-Refusal")).isEqualTo("revoked");
        assertThat(response.getContentAsString()).doesNotContain("participant data");

        // a request that decides nothing: confirmed before its answer's first byte
        var listing = new MockHttpServletResponse();
        long now = standing.current();
        filter.doFilter(new MockHttpServletRequest("GET", "/fhir/Organization"), listing, (req, res) -> {
            assertThat(standing.tentativelyAt(now, refuse)).isTrue();
            commitAChange("standing_version");
            res.setContentType("application/fhir+json");
            res.getOutputStream().write("a listing".getBytes());
        });
        assertThat(listing.getStatus()).isEqualTo(401);
        assertThat(listing.getContentAsString()).doesNotContain("a listing");

        // nothing changed: the answer leaves as written
        var unchanged = new MockHttpServletResponse();
        long last = standing.current();
        filter.doFilter(new MockHttpServletRequest("GET", "/fhir/Organization"), unchanged, (req, res) -> {
            assertThat(standing.tentativelyAt(last, refuse)).isTrue();
            res.getWriter().write("a listing");
        });
        assertThat(unchanged.getStatus()).isEqualTo(200);
        assertThat(unchanged.getContentAsString()).isEqualTo("a listing");
    }

    @Test
    @DisplayName("USR-07 work done for a GET request in another thread confirms the request's versions there: the recheck runs in that thread, its refusal sticks to the request, and the work's decisions rest on the values it was given")
    void workOnBehalfOfARequest() throws Exception {
        var versions = new CommittedVersions(dataSource);
        var standing = versions.counter("standing_version");
        var access = versions.counter("access_version");
        long before = standing.current();
        long accessNow = access.current();
        List<String> seen = new ArrayList<>();
        var response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/fhir/Observation/1"), response, (req, res) -> {
            assertThat(standing.tentativelyAt(before, () -> {
                seen.add("recheck in " + Thread.currentThread().getName());
                throw new RecheckRefusedException("refused", "X-Test-Refusal", "revoked");
            })).isTrue();
            var hold = versions.currentRequest();
            commitAChange("standing_version");
            long[] now = new long[] {before + 1, accessNow}; // in the order the counters were asked for
            var worker = new Thread(() -> {
                try {
                    versions.onBehalfOf(hold, now, () -> seen.add("work"));
                } catch (RecheckRefusedException e) {
                    seen.add("refused");
                }
            }, "round");
            worker.start();
            try {
                worker.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            try {
                standing.current();
            } catch (RecheckRefusedException e) {
                seen.add("and the request's next read");
            }
        });
        assertThat(seen).containsExactly("recheck in round", "refused", "and the request's next read");
        assertThat(response.getStatus()).isEqualTo(401);

        // without a request, the work decides on the values it was given
        long[] given = new long[] {42, 41};
        List<Long> decided = new ArrayList<>();
        versions.onBehalfOf(null, given, () -> decided.add(standing.current()));
        assertThat(decided).containsExactly(42L);
        assertThat(standing.current()).as("and this thread reads afresh afterwards").isEqualTo(before + 1);
    }
}

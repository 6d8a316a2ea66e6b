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
}

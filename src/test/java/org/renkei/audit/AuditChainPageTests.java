package org.renkei.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The operator's page of the audit chain, and the command's report. */
@RenkeiTest
class AuditChainPageTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    @DisplayName("AUD-03 the operator verifies the chain on its page; the verification is itself audited")
    void operatorVerifiesTheChain() throws Exception {
        MockHttpSession operator = TestLogins.operator(mvc);
        long before = jdbc.sql("select count(*) from audit_event where resource_type = 'AuditChain'")
                .query(Long.class).single();
        mvc.perform(post("/operator/audit/chain/verify").with(csrf()).session(operator))
                .andExpect(redirectedUrl("/operator/audit/chain"));
        String page = mvc.perform(get("/operator/audit/chain").session(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("改ざんはありません");
        assertThat(jdbc.sql("select count(*) from audit_event where resource_type = 'AuditChain'")
                .query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("AUD-03 staff and facility administrators cannot open the chain's page")
    void othersCannotOpenIt() throws Exception {
        mvc.perform(get("/operator/audit/chain")).andExpect(status().is3xxRedirection());
    }

    @Test
    @DisplayName("AUD-03 the command's report names every finding with its entry, and says WHOLE when there is none")
    void commandReport() {
        var whole = new AuditVerification.Report(Instant.parse("2026-11-30T01:00:00Z"), 10, 10, 2, 8, true, List.of());
        assertThat(print(whole)).contains("2026-11-30 10:00").contains("10 entries").contains("WHOLE");
        var altered = new AuditVerification.Report(Instant.parse("2026-11-30T01:00:00Z"), 9, 10, 2, 8, true,
                List.of(new ChainCheck.Finding(ChainCheck.Kind.DELETED, 4)));
        assertThat(print(altered)).contains("ALTERED: 1 finding(s)").containsPattern("DELETED\\s+entry 4");
    }

    private static String print(AuditVerification.Report report) {
        var bytes = new ByteArrayOutputStream();
        AuditVerifyCommand.print(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestLogins;
import org.renkei.TestRegion;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityKind;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The second factor (TOTP) of password accounts: required for the operator's staff, optional for others. */
@RenkeiTest
class SecondFactorTests {

    private static final String PASSWORD = "Operator-pw-1!";

    @Autowired MockMvc mvc;
    @Autowired TestRestTemplate http;
    @Autowired LoginAccounts accounts;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired JdbcClient jdbc;
    @Autowired TotpSecrets secrets;

    /** A new operator account with no second factor enrolled yet. */
    private String newOperator() {
        String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "サポートセンター", PASSWORD, Actor.AccountKind.OPERATOR, null);
        return username;
    }

    private MockHttpSession passwordOnly(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(redirectedUrl("/login/second-factor")).andReturn().getRequest().getSession(false);
    }

    private UUID idOf(String username) {
        return jdbc.sql("select id from login_account where username = :u").param("u", username)
                .query(UUID.class).single();
    }

    /** Enrols at the first login; returns the key. */
    private String enrolAtFirstLogin(String username) throws Exception {
        MockHttpSession session = passwordOnly(username, PASSWORD);
        String secret = TestLogins.secretOn(mvc.perform(get("/login/second-factor").session(session)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        mvc.perform(post("/login/second-factor/enrol").param("code", TestLogins.freshCode(username, secret))
                .with(csrf()).session(session)).andExpect(redirectedUrl("/console"));
        return secret;
    }

    @Test
    @DisplayName("USR-05 the operator's staff need the second factor: with the password alone no page but the code's opens")
    void operatorNeedsSecondFactor() throws Exception {
        String username = newOperator();
        MockHttpSession session = passwordOnly(username, PASSWORD);

        for (String elsewhere : new String[] {"/operator", "/operator/accounts", "/console", "/account",
                "/account/password", "/facility", "/", "/register"}) {
            mvc.perform(get(elsewhere).session(session)).andExpect(redirectedUrl("/login/second-factor"));
        }
        mvc.perform(post("/operator/calendar").param("day", "2034-12-27").param("name", "x").with(csrf())
                .session(session)).andExpect(redirectedUrl("/login/second-factor"));
        mvc.perform(get("/fhir/Organization").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/operator").with(httpBasic(username, PASSWORD)))
                .andExpect(redirectedUrl("http://localhost/login"));
        assertThat(http.withBasicAuth(username, PASSWORD).getForEntity("/fhir/Organization", String.class)
                .getStatusCode().value()).isEqualTo(403);
        mvc.perform(get("/login/second-factor").with(httpBasic(username, "Wrong-pw-1!")))
                .andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    @DisplayName("USR-05 at the first login the operator enrols an authenticator: QR code, key and URI, confirmed by a code")
    void enrolmentAtFirstLogin() throws Exception {
        String username = newOperator();
        MockHttpSession session = passwordOnly(username, PASSWORD);
        String page = mvc.perform(get("/login/second-factor").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("二要素認証が必須です")))
                .andExpect(content().string(containsString("src=\"data:image/png;base64,")))
                .andExpect(content().string(containsString("otpauth://totp/Renkei:" + username + "?secret=")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String secret = TestLogins.secretOn(page);
        assertThat(secret).hasSize(32);
        // the same key while it is not confirmed
        assertThat(TestLogins.secretOn(mvc.perform(get("/login/second-factor").session(session)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8))).isEqualTo(secret);

        String wrong = TestLogins.code(secret, Instant.now().plusSeconds(300));
        mvc.perform(post("/login/second-factor/enrol").param("code", wrong).with(csrf()).session(session))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("確認コードが正しくありません")));
        mvc.perform(get("/operator").session(session)).andExpect(redirectedUrl("/login/second-factor"));

        String sessionId = session.getId();
        mvc.perform(post("/login/second-factor/enrol").param("code", TestLogins.freshCode(username, secret))
                .with(csrf()).session(session)).andExpect(redirectedUrl("/console"));
        assertThat(session.getId()).isNotEqualTo(sessionId);
        mvc.perform(get("/operator").session(session)).andExpect(status().isOk());

        // stored sealed, never in clear
        UUID id = idOf(username);
        byte[] stored = jdbc.sql("select totp_secret from login_account where id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(Totp.base32(secrets.open(id, stored))).isEqualTo(secret);

        // the next login asks for a code
        TestLogins.login(mvc, username, PASSWORD, secret);
    }

    @Test
    @DisplayName("USR-05 a wrong code is refused, and a code already used is refused even when right (no replay)")
    void wrongAndReplayedCodes() throws Exception {
        String username = newOperator();
        String secret = enrolAtFirstLogin(username);

        MockHttpSession session = passwordOnly(username, PASSWORD);
        mvc.perform(get("/login/second-factor").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("6桁の確認コード")))
                .andExpect(content().string(not(containsString("totp-secret"))));
        mvc.perform(post("/login/second-factor").param("code", "000000x").with(csrf()).session(session))
                .andExpect(status().isBadRequest());
        String wrong = TestLogins.code(secret, Instant.now().minusSeconds(600));
        mvc.perform(post("/login/second-factor").param("code", wrong).with(csrf()).session(session))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("確認コードが正しくありません")));
        String code = TestLogins.freshCode(username, secret);
        mvc.perform(post("/login/second-factor").param("code", code).with(csrf()).session(session))
                .andExpect(redirectedUrl("/console"));

        MockHttpSession second = passwordOnly(username, PASSWORD);
        mvc.perform(post("/login/second-factor").param("code", code).with(csrf()).session(second))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("使用済み")));
        mvc.perform(get("/operator").session(second)).andExpect(redirectedUrl("/login/second-factor"));
        mvc.perform(post("/login/second-factor").param("code", TestLogins.freshCode(username, secret))
                .with(csrf()).session(second)).andExpect(redirectedUrl("/console"));
        mvc.perform(get("/operator").session(second)).andExpect(status().isOk());
    }

    @Test
    @DisplayName("ACC-01 wrong codes count with wrong passwords: the fifth locks the account and ends the session")
    void wrongCodesLock() throws Exception {
        String username = newOperator();
        String secret = enrolAtFirstLogin(username);
        MockHttpSession session = passwordOnly(username, PASSWORD);
        String wrong = TestLogins.code(secret, Instant.now().minusSeconds(900));
        for (int i = 1; i <= 4; i++) {
            mvc.perform(post("/login/second-factor").param("code", wrong).with(csrf()).session(session))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/login/second-factor").param("code", wrong).with(csrf()).session(session))
                .andExpect(redirectedUrl("/login?locked"));
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    @DisplayName("USR-05 a facility administrator may enrol a second factor from their account page; from then on it is asked")
    void optionalEnrolment() throws Exception {
        FacilityId facility = TestRegion.active(facilities, filings, FacilityKind.CLINIC, "二要素任意医院");
        String username = "adm2-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "管理 二郎", PASSWORD, Actor.AccountKind.FACILITY_ADMINISTRATOR, facility.value());
        MockHttpSession session = TestLogins.login(mvc, username, PASSWORD);

        mvc.perform(get("/account").session(session)).andExpect(content().string(containsString("未登録")));
        String secret = TestLogins.secretOn(mvc.perform(get("/account/second-factor").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("二要素認証が必須です"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        mvc.perform(post("/account/second-factor").param("code", "123456").with(csrf()).session(session))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/account/second-factor").param("code", TestLogins.freshCode(username, secret))
                .with(csrf()).session(session)).andExpect(redirectedUrl("/account?enrolled"));
        mvc.perform(get("/account/second-factor").session(session))
                .andExpect(content().string(containsString("id=\"totp-enrolled\"")));

        TestLogins.login(mvc, username, PASSWORD, secret);
        mvc.perform(get("/facility").with(httpBasic(username, PASSWORD)))
                .andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    @DisplayName("USR-07 the support centre removes a lost authenticator; the next login enrols a new one")
    void operatorResetsSecondFactor() throws Exception {
        String username = newOperator();
        String secret = enrolAtFirstLogin(username);
        UUID id = idOf(username);
        MockHttpSession operator = TestLogins.operator(mvc);
        mvc.perform(get("/operator/accounts/{id}", id).session(operator))
                .andExpect(content().string(containsString("/operator/accounts/" + id + "/second-factor/reset")));
        mvc.perform(post("/operator/accounts/{id}/second-factor/reset", id).with(csrf()).session(operator))
                .andExpect(redirectedUrl("/operator/accounts/" + id));

        MockHttpSession session = passwordOnly(username, PASSWORD);
        String fresh = TestLogins.secretOn(mvc.perform(get("/login/second-factor").session(session)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(fresh).isNotEqualTo(secret);
    }

    @Test
    @DisplayName("USR-05 the first operator account of the test profile logs in with its configured second factor")
    void firstOperatorHasItsConfiguredSecret() throws Exception {
        MockHttpSession session = TestLogins.operator(mvc);
        mvc.perform(get("/operator").session(session)).andExpect(status().isOk());
        mvc.perform(get("/account").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("運営者（ID・パスワード）")))
                .andExpect(content().string(containsString("に登録済みです")));
    }
}

package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.apache.catalina.Context;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestLogins;
import org.renkei.TestRegion;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityKind;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.platform.time.JapanTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Password rules (USR-05) and lockout (ACC-01) of password accounts, through the real pages. */
@RenkeiTest
class PasswordAccountsTests {

    private static final String PASSWORD = "Start-pass-1!";

    @Autowired MockMvc mvc;
    @Autowired LoginAccounts accounts;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired JdbcClient jdbc;
    @Autowired LoginSettings settings;
    @Autowired ServletWebServerApplicationContext server;

    /** A facility administrator's account (second factor optional, none enrolled) with a chosen password. */
    private String administrator() {
        FacilityId facility = TestRegion.active(facilities, filings, FacilityKind.CLINIC, "パスワード試験医院");
        String username = "pw-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "管理 太郎", PASSWORD, Actor.AccountKind.FACILITY_ADMINISTRATOR, facility.value());
        return username;
    }

    private ResultActions change(MockHttpSession session, String current, String next) throws Exception {
        return mvc.perform(post("/account/password").param("current", current).param("password", next)
                .param("confirmation", next).with(csrf()).session(session));
    }

    private UUID idOf(String username) {
        return jdbc.sql("select id from login_account where username = :u").param("u", username)
                .query(UUID.class).single();
    }

    @Test
    @DisplayName("USR-05 the user changes their password at any time; the old one no longer logs in")
    void changeAnyTime() throws Exception {
        String username = administrator();
        MockHttpSession session = TestLogins.login(mvc, username, PASSWORD);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString(username)))
                .andExpect(content().string(containsString("/account/password")));
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("英字・数字・記号")));

        change(session, PASSWORD, "New-pass-22?").andExpect(redirectedUrl("/account?changed"));
        mvc.perform(get("/account?changed").session(session))
                .andExpect(content().string(containsString("パスワードを変更しました")));

        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
        TestLogins.login(mvc, username, "New-pass-22?");
    }

    @Test
    @DisplayName("USR-05 a new password breaking the rules, a wrong current password or a mistyped confirmation changes nothing")
    void refusedChanges() throws Exception {
        String username = administrator();
        MockHttpSession session = TestLogins.login(mvc, username, PASSWORD);

        change(session, PASSWORD, "short1!").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("8文字以上")));
        change(session, PASSWORD, "onlyletters").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("英字・数字・記号をそれぞれ")));
        change(session, "Wrong-pass-1!", "Good-pass-77!").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("現在のパスワードが正しくありません")));
        mvc.perform(post("/account/password").param("current", PASSWORD).param("password", "Good-pass-77!")
                        .param("confirmation", "Good-pass-78!").with(csrf()).session(session))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("一致しません")));

        TestLogins.login(mvc, username, PASSWORD);
        assertThat(jdbc.sql("select failed_attempts from login_account where username = :u").param("u", username)
                .query(Integer.class).single()).isZero();
    }

    @Test
    @DisplayName("USR-05 none of the last 5 passwords may be taken again; the sixth back may")
    void history() throws Exception {
        String username = administrator();
        MockHttpSession session = TestLogins.login(mvc, username, PASSWORD);
        String[] passwords = {PASSWORD, "Second-1!", "Third-22!", "Fourth-3!", "Fifth-44!"};
        for (int i = 1; i < passwords.length; i++) {
            change(session, passwords[i - 1], passwords[i]).andExpect(redirectedUrl("/account?changed"));
        }
        // the last five: the current one and the four before it
        for (String used : passwords) {
            change(session, "Fifth-44!", used).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("直近5回に使ったパスワードは使えません")));
        }
        change(session, "Fifth-44!", "Sixth-555!").andExpect(redirectedUrl("/account?changed"));
        // the first password is now six back
        change(session, "Sixth-555!", PASSWORD).andExpect(redirectedUrl("/account?changed"));
        // now the last five are the first, sixth, fifth, fourth and third
        change(session, PASSWORD, "Third-22!").andExpect(status().isBadRequest());
        TestLogins.login(mvc, username, PASSWORD);
        assertThat(jdbc.sql("select count(*) from password_history where account_id = :id")
                .param("id", idOf(username)).query(Long.class).single()).isEqualTo(7);
    }

    @Test
    @DisplayName("USR-05 after 2 months the password must be changed: until it is, the change page is the only page")
    void forcedChangeAfterTwoMonths() throws Exception {
        String username = administrator();
        assertThat(settings.passwordMaxAge().toTotalMonths()).isEqualTo(2);
        Instant changed = ZonedDateTime.now(JapanTime.ZONE).minusMonths(2).minusMinutes(1).toInstant();
        jdbc.sql("update login_account set password_changed_at = :at where username = :u")
                .param("at", Timestamp.from(changed)).param("u", username).update();

        var login = mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(redirectedUrl("/account/password")).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("2か月ごとに変更が必要です")));
        for (String elsewhere : new String[] {"/facility", "/console", "/account", "/", "/public/facilities"}) {
            mvc.perform(get(elsewhere).session(session)).andExpect(redirectedUrl("/account/password"));
        }
        mvc.perform(get("/fhir/Organization").session(session)).andExpect(status().isForbidden());

        change(session, PASSWORD, PASSWORD).andExpect(status().isBadRequest());
        change(session, PASSWORD, "Renewed-pw-9!").andExpect(redirectedUrl("/console"));
        mvc.perform(get("/facility").session(session)).andExpect(status().isOk());
        TestLogins.login(mvc, username, "Renewed-pw-9!");
    }

    @Test
    @DisplayName("USR-05 a password a day short of 2 months old needs no change")
    void notYetTwoMonths() throws Exception {
        String username = administrator();
        Instant changed = ZonedDateTime.now(JapanTime.ZONE).minusMonths(2).plusDays(1).toInstant();
        jdbc.sql("update login_account set password_changed_at = :at where username = :u")
                .param("at", Timestamp.from(changed)).param("u", username).update();
        TestLogins.login(mvc, username, PASSWORD);
    }

    @Test
    @DisplayName("USR-05 a facility administrator's initial password, shown to the operator, is changed at the first login")
    void initialPasswordChangedAtFirstLogin() throws Exception {
        FacilityId facility = TestRegion.active(facilities, filings, FacilityKind.CLINIC, "初期パスワード医院");
        String username = "init-" + UUID.randomUUID().toString().substring(0, 8);
        String initial = accounts.createFacilityAdministrator(username, "管理 花子", facility.value());

        var login = mvc.perform(formLogin("/login").user(username).password(initial))
                .andExpect(redirectedUrl("/account/password")).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        mvc.perform(get("/account/password").session(session))
                .andExpect(content().string(containsString("初期パスワードのままです")));
        mvc.perform(get("/facility").session(session)).andExpect(redirectedUrl("/account/password"));
        change(session, initial, "Own-pass-123!").andExpect(redirectedUrl("/console"));
        mvc.perform(get("/facility").session(session)).andExpect(status().isOk());
    }

    @Test
    @DisplayName("ACC-01 five wrong passwords lock the account for 30 minutes; while locked the right password is refused the same way")
    void lockoutAfterFive() throws Exception {
        String username = administrator();
        assertThat(settings.lockoutDuration()).isEqualTo(Duration.ofMinutes(30));
        for (int i = 1; i <= 4; i++) {
            mvc.perform(formLogin("/login").user(username).password("Wrong-pass-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        assertThat(jdbc.sql("select failed_attempts from login_account where username = :u").param("u", username)
                .query(Integer.class).single()).isEqualTo(4);
        Instant before = Instant.now();
        mvc.perform(formLogin("/login").user(username).password("Wrong-pass-5"))
                .andExpect(redirectedUrl("/login?locked"));
        Instant lockedUntil = jdbc.sql("select locked_until from login_account where username = :u")
                .param("u", username).query(Timestamp.class).single().toInstant();
        assertThat(lockedUntil).isBetween(before.plus(Duration.ofMinutes(30)).minusSeconds(5),
                Instant.now().plus(Duration.ofMinutes(30)).plusSeconds(5));

        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(formLogin("/login").user(username).password("Wrong-pass-6")).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/login").param("locked", "")).andExpect(content().string(containsString("ロックされています")));

        jdbc.sql("update login_account set locked_until = :past where username = :u")
                .param("past", Timestamp.from(Instant.now().minusSeconds(1))).param("u", username).update();
        TestLogins.login(mvc, username, PASSWORD);
        assertThat(jdbc.sql("select failed_attempts from login_account where username = :u").param("u", username)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select last_login_at from login_account where username = :u").param("u", username)
                .query(Timestamp.class).single().toInstant()).isAfter(before);
    }

    @Test
    @DisplayName("ACC-01 the support centre sees a locked account on its page and unlocks it; a locked account's open session ends")
    void operatorUnlocks() throws Exception {
        String username = administrator();
        MockHttpSession open = TestLogins.login(mvc, username, PASSWORD);
        for (int i = 1; i <= 5; i++) {
            mvc.perform(formLogin("/login").user(username).password("Wrong-pass-" + i));
        }
        mvc.perform(get("/facility").session(open)).andExpect(redirectedUrl("/login?ended"));

        MockHttpSession operator = TestLogins.operator(mvc);
        UUID id = idOf(username);
        mvc.perform(get("/operator/accounts").session(operator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("ロック中のアカウント")))
                .andExpect(content().string(containsString("/operator/accounts/" + id + "/unlock")));
        mvc.perform(get("/operator/accounts/{id}", id).session(operator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("ロック中")))
                .andExpect(content().string(containsString("id=\"unlock\"")));

        mvc.perform(post("/operator/accounts/{id}/unlock", id).with(csrf()).session(operator))
                .andExpect(redirectedUrl("/operator/accounts/" + id));
        mvc.perform(get("/operator/accounts/{id}", id).session(operator))
                .andExpect(content().string(containsString("ロックを解除しました")));
        TestLogins.login(mvc, username, PASSWORD);

        mvc.perform(post("/operator/accounts/{id}/unlock", id).with(csrf()).session(operator))
                .andExpect(redirectedUrl("/operator/accounts/" + id));
        mvc.perform(get("/operator/accounts/{id}", id).session(operator))
                .andExpect(content().string(containsString("ロックされていません")));
        mvc.perform(get("/operator/accounts").session(TestLogins.login(mvc, username, PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("ACC-01 a session ends after 15 idle minutes (the servlet container's session timeout)")
    void idleTimeout() {
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        assertThat(context.getSessionTimeout()).isEqualTo(15);
    }
}

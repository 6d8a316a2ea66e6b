package org.renkei.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.renkei.staff.TestFacilities.OPERATOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestLogins;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.Filing;
import org.renkei.filing.FilingDesk;
import org.renkei.filing.FilingKind;
import org.renkei.filing.FilingStatus;
import org.renkei.filing.RefusalReason;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.CurrentActor;
import org.renkei.identity.LoginAccounts;
import org.renkei.identity.Profession;
import org.renkei.platform.time.JapanTime;
import org.renkei.platform.web.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Provisional accounts (仮アカウント): self-registration, the facility administrator's confirmation, their end. */
@RenkeiTest
class SelfRegistrationTests {

    private static final String PASSWORD = "Karikari-pw-1!";
    private static final String ADMIN_PASSWORD = "Test-admin-1!";

    @Autowired MockMvc mvc;
    @Autowired SelfRegistration registration;
    @Autowired StaffRegistry registry;
    @Autowired FacilityRegistry facilityRegistry;
    @Autowired FilingDesk desk;
    @Autowired LoginAccounts accounts;
    @Autowired JdbcClient jdbc;

    TestFacilities facilities;
    LocalDate today;

    @BeforeEach
    void setUp() {
        facilities = new TestFacilities(facilityRegistry, desk);
        today = LocalDate.now(JapanTime.ZONE);
    }

    private static String newUsername() {
        return "kari-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private MockHttpServletRequestBuilder form(String code, String username, String password) {
        return form(code, username, password, java.util.Map.of());
    }

    /** The registration form, with some fields typed differently. */
    private MockHttpServletRequestBuilder form(String code, String username, String password,
            java.util.Map<String, String> changed) {
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("facilityCode", code);
        fields.put("familyName", "仮登");
        fields.put("givenName", "録子");
        fields.put("familyNameKana", TestFacilities.uniqueKana());
        fields.put("givenNameKana", "ロクコ");
        fields.put("profession", "NURSE");
        fields.put("email", "kari@example.jp");
        fields.put("username", username);
        fields.put("password", password);
        fields.put("confirmation", password);
        fields.putAll(changed);
        var request = post("/register").with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private MockHttpSession administratorOf(FacilityId facility) throws Exception {
        String username = "adm-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "管理責任者", ADMIN_PASSWORD, Actor.AccountKind.FACILITY_ADMINISTRATOR,
                facility.value());
        return TestLogins.login(mvc, username, ADMIN_PASSWORD);
    }

    /** A confirmed registration: returns the user it filed. */
    private StaffId registeredAndConfirmed(FacilityId facility, String username) {
        UUID id = registration.register(new SelfRegistration.Form(facilityRegistry.get(facility).code(), "仮登",
                "確子", TestFacilities.uniqueKana(), "カクコ", Profession.CARE_MANAGER, "kaku@example.jp", username,
                PASSWORD, PASSWORD));
        return registration.confirm(id, TestFacilities.administratorOf(facility));
    }

    private static Actor actorOf(MockHttpSession session) {
        var context = (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        SecurityContextHolder.setContext(context);
        try {
            return CurrentActor.get().orElseThrow();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private UUID accountOf(String username) {
        return jdbc.sql("select id from login_account where username = :u").param("u", username)
                .query(UUID.class).single();
    }

    @Test
    @DisplayName("USR-03 anyone may open the registration page; a registration for an active facility waits, and does not log in yet")
    void publicRegistration() throws Exception {
        FacilityId facility = facilities.activeHospital("仮登録テスト病院");
        String code = facilityRegistry.get(facility).code();
        String username = newUsername();

        mvc.perform(get("/register")).andExpect(status().isOk())
                .andExpect(content().string(containsString("仮アカウントの登録")))
                .andExpect(content().string(containsString("最長180日")))
                .andExpect(content().string(containsString("介護支援専門員")));
        mvc.perform(get("/login")).andExpect(content().string(containsString("href=\"/register\"")));

        mvc.perform(form(code, username, PASSWORD)).andExpect(redirectedUrl("/register/done"));
        mvc.perform(get("/register/done")).andExpect(status().isOk())
                .andExpect(content().string(containsString("管理責任者が確認すると")));
        assertThat(registration.waitingFor(facility)).singleElement()
                .satisfies(r -> {
                    assertThat(r.username()).isEqualTo(username);
                    assertThat(r.fullName()).isEqualTo("仮登 録子");
                    assertThat(r.details().profession()).isEqualTo(Profession.NURSE);
                });
        assertThat(registry.ofFacility(facility)).isEmpty();
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    @DisplayName("USR-03 USR-05 only staff of an active member facility may register, with a password following the rules and a free ID")
    void refusedRegistrations() throws Exception {
        FacilityId active = facilities.activeHospital("仮登録拒否テスト病院");
        FacilityId applying = facilities.applyingHospital("仮登録申請中病院");
        String code = facilityRegistry.get(active).code();

        mvc.perform(form("9999999999", newUsername(), PASSWORD)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("利用中の参加施設はありません")))
                .andExpect(content().string(containsString("value=\"仮登\"")))
                .andExpect(content().string(not(containsString(PASSWORD))));
        mvc.perform(form(facilityRegistry.get(applying).code(), newUsername(), PASSWORD))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("利用中の参加施設はありません")));
        mvc.perform(form(code, newUsername(), "password")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("英字・数字・記号をそれぞれ")));
        mvc.perform(form(code, newUsername(), PASSWORD, java.util.Map.of("confirmation", "Other-pw-1!")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("一致しません")));
        mvc.perform(form(code, "operator", PASSWORD)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("既に使われています")));
        mvc.perform(form(code, newUsername(), PASSWORD, java.util.Map.of("familyNameKana", "かり")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("全角カタカナ")));
        mvc.perform(form(code, newUsername(), PASSWORD, java.util.Map.of("email", "")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("メールアドレスを入力してください")));
        assertThat(registration.waitingFor(active)).isEmpty();
    }

    @Test
    @DisplayName("USR-03 EMG-03 the administrator confirms in the console: the user add application is filed and the account logs in as that user, without emergency access")
    void confirmation() throws Exception {
        FacilityId facility = facilities.activeHospital("仮登録確認テスト病院");
        String username = newUsername();
        mvc.perform(form(facilityRegistry.get(facility).code(), username, PASSWORD))
                .andExpect(redirectedUrl("/register/done"));
        ProvisionalRegistration waiting = registration.waitingFor(facility).get(0);
        MockHttpSession admin = administratorOf(facility);

        mvc.perform(get("/facility").session(admin))
                .andExpect(content().string(containsString("hx-get=\"/facility/registrations\"")));
        mvc.perform(get("/facility/registrations").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("仮登 録子")))
                .andExpect(content().string(containsString("/facility/registrations/" + waiting.id())));
        mvc.perform(get("/facility/registrations/{id}", waiting.id()).session(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("kari@example.jp")))
                .andExpect(content().string(containsString("id=\"confirm\"")));

        Instant before = Instant.now();
        mvc.perform(post("/facility/registrations/{id}/confirm", waiting.id()).with(csrf()).session(admin))
                .andExpect(redirectedUrl("/facility/registrations/" + waiting.id()));
        ProvisionalRegistration confirmed = registration.find(waiting.id()).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(ProvisionalRegistration.Status.CONFIRMED);

        StaffMember member = registry.get(confirmed.staffId());
        assertThat(member.status()).isEqualTo(StaffStatus.APPLYING);
        assertThat(member.fullName()).isEqualTo("仮登 録子");
        assertThat(member.email()).isEqualTo("kari@example.jp");
        Filing filing = desk.ofStaff(member.id().value()).get(0);
        assertThat(filing.kind()).isEqualTo(FilingKind.STAFF_ADD);
        assertThat(filing.status()).isEqualTo(FilingStatus.PENDING);
        assertThat(filing.receivedOn()).isEqualTo(today);
        assertThat(filing.wishedOn()).isEqualTo(today.plusDays(15));
        assertThat(filing.receivedBy()).contains("管理責任者");
        mvc.perform(get("/facility/registrations/{id}", waiting.id()).session(admin))
                .andExpect(content().string(containsString("申請中")))
                .andExpect(content().string(not(containsString("id=\"confirm\""))));

        Instant validUntil = jdbc.sql("select valid_until from login_account where username = :u")
                .param("u", username).query(Timestamp.class).single().toInstant();
        assertThat(validUntil).isBetween(before.plus(Duration.ofDays(180)), Instant.now().plus(Duration.ofDays(180)));

        MockHttpSession session = TestLogins.login(mvc, username, PASSWORD);
        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/staff"));
        mvc.perform(get("/account").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("仮アカウント（ID・パスワード）")));
        mvc.perform(get("/facility").session(session)).andExpect(status().isForbidden());
        Actor actor = actorOf(session);
        assertThat(actor.authLevel()).isEqualTo(AuthLevel.PROVISIONAL_PASSWORD);
        assertThat(actor.staffId()).isEqualTo(member.id().value());
        assertThat(actor.facilityId()).isEqualTo(facility.value());
        assertThat(actor.profession()).isEqualTo(Profession.NURSE);
        assertThat(actor.authLevel().mayUseEmergencyAccess()).isFalse();
        assertThat(actor.authLevel().maySign()).isFalse();

        mvc.perform(post("/facility/registrations/{id}/confirm", waiting.id()).with(csrf()).session(admin))
                .andExpect(redirectedUrl("/facility/registrations/" + waiting.id()));
        assertThat(desk.ofStaff(member.id().value())).hasSize(1);
    }

    @Test
    @DisplayName("USR-03 a provisional account opens the pages only through the login form: its password sent by HTTP Basic opens none")
    void noHttpBasicOnPages() throws Exception {
        String username = newUsername();
        registeredAndConfirmed(facilities.activeHospital("仮登録ベーシック認証テスト病院"), username);

        for (String page : new String[] {"/console", "/staff", "/account"}) {
            mvc.perform(get(page).with(httpBasic(username, PASSWORD)))
                    .andExpect(redirectedUrl("http://localhost/login"));
        }
        mvc.perform(get("/console").session(TestLogins.login(mvc, username, PASSWORD)))
                .andExpect(redirectedUrl("/staff"));
    }

    @Test
    @DisplayName("USR-03 another facility's administrator neither sees nor confirms the registration")
    void otherFacility() throws Exception {
        FacilityId facility = facilities.activeHospital("仮登録自施設病院");
        FacilityId other = facilities.activeHospital("仮登録他施設病院");
        mvc.perform(form(facilityRegistry.get(facility).code(), newUsername(), PASSWORD))
                .andExpect(redirectedUrl("/register/done"));
        UUID id = registration.waitingFor(facility).get(0).id();
        MockHttpSession stranger = administratorOf(other);

        mvc.perform(get("/facility/registrations").session(stranger))
                .andExpect(content().string(not(containsString(id.toString()))));
        mvc.perform(get("/facility/registrations/{id}", id).session(stranger)).andExpect(status().isNotFound());
        mvc.perform(post("/facility/registrations/{id}/confirm", id).with(csrf()).session(stranger))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> registration.confirm(id, TestFacilities.administratorOf(other)))
                .isInstanceOf(org.renkei.platform.web.NotFoundException.class);
        assertThatThrownBy(() -> registry.applyToAddAsAdministrator(facility,
                new NewStaff("他院", "太郎", "タイン", "タロウ", Profession.CLERK, null),
                TestFacilities.administratorOf(other)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(registration.find(id).orElseThrow().status()).isEqualTo(ProvisionalRegistration.Status.WAITING);
    }

    @Test
    @DisplayName("USR-03 a registration the administrator turns down files nothing and never logs in")
    void rejection() throws Exception {
        FacilityId facility = facilities.activeHospital("仮登録却下病院");
        String username = newUsername();
        mvc.perform(form(facilityRegistry.get(facility).code(), username, PASSWORD))
                .andExpect(redirectedUrl("/register/done"));
        UUID id = registration.waitingFor(facility).get(0).id();
        mvc.perform(post("/facility/registrations/{id}/reject", id).with(csrf()).session(administratorOf(facility)))
                .andExpect(redirectedUrl("/facility/registrations/" + id));
        assertThat(registration.find(id).orElseThrow().status()).isEqualTo(ProvisionalRegistration.Status.REJECTED);
        assertThat(registry.ofFacility(facility)).isEmpty();
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    @DisplayName("USR-03 after 180 days the provisional account is refused at login and its open session ends")
    void expiryAfter180Days() throws Exception {
        FacilityId facility = facilities.activeHospital("仮登録期限病院");
        String username = newUsername();
        registeredAndConfirmed(facility, username);
        MockHttpSession session = TestLogins.login(mvc, username, PASSWORD);

        // a day before the end it still works; at the end it stops
        jdbc.sql("update login_account set valid_until = :t where username = :u")
                .param("t", Timestamp.from(Instant.now().plus(Duration.ofDays(1)))).param("u", username).update();
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        jdbc.sql("update login_account set valid_until = :t where username = :u")
                .param("t", Timestamp.from(Instant.now().minusSeconds(1))).param("u", username).update();

        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login?ended"));
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    @DisplayName("USR-03 when the user add application is refused the user is refused, the open session ends and the account is closed")
    void closedWhenRefused() throws Exception {
        FacilityId facility = facilities.activeHospital("仮登録不承認病院");
        String username = newUsername();
        StaffId user = registeredAndConfirmed(facility, username);
        MockHttpSession session = TestLogins.login(mvc, username, PASSWORD);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());

        desk.refuse(desk.ofStaff(user.value()).get(0).id(), RefusalReason.OTHER, "所属を確認できませんでした", OPERATOR);

        assertThat(registry.get(user).status()).isEqualTo(StaffStatus.REFUSED);
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login?ended"));
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
        var closed = jdbc.sql("select closed_at, closed_reason, enabled from login_account where id = :id")
                .param("id", accountOf(username))
                .query((rs, n) -> new Object[] {rs.getTimestamp(1), rs.getString(2), rs.getBoolean(3)}).single();
        assertThat(closed[0]).isNotNull();
        assertThat(closed[1]).isEqualTo("user refused");
        assertThat(closed[2]).isEqualTo(false);
    }

    @Test
    @DisplayName("USR-03 once the application takes effect the provisional account goes on until its 180 days end")
    void goesOnWhenAccepted() throws Exception {
        FacilityId facility = facilities.activeHospital("仮登録承認病院");
        String username = newUsername();
        StaffId user = registeredAndConfirmed(facility, username);
        MockHttpSession session = TestLogins.login(mvc, username, PASSWORD);

        Filing filing = desk.ofStaff(user.value()).get(0);
        desk.accept(filing.id(), OPERATOR);
        assertThat(desk.takeEffectIfDue(filing.id(), today.plusDays(15))).isTrue();
        assertThat(registry.get(user).status()).isEqualTo(StaffStatus.ACTIVE);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
    }
}

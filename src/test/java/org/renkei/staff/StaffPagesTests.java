package org.renkei.staff;

import org.renkei.identity.Profession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.renkei.staff.TestFacilities.OPERATOR;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestLogins;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.filing.FilingKind;
import org.renkei.identity.Actor;
import org.renkei.identity.LoginAccounts;
import org.renkei.platform.time.JapanTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@RenkeiTest
class StaffPagesTests {

    private static final String PASSWORD = "Test-admin-1!";

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffRegistry registry;

    @Autowired
    FacilityRegistry facilityRegistry;

    @Autowired
    FilingDesk desk;

    @Autowired
    LoginAccounts accounts;

    TestFacilities facilities;
    LocalDate today;

    @BeforeEach
    void setUp() {
        facilities = new TestFacilities(facilityRegistry, desk);
        today = LocalDate.now(JapanTime.ZONE);
    }

    private MockHttpSession login(String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(redirectedUrl("/console")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private MockHttpSession operator() throws Exception {
        return TestLogins.operator(mvc);
    }

    private MockHttpSession administratorOf(FacilityId facility) throws Exception {
        String username = "adm-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "管理責任者", PASSWORD, Actor.AccountKind.FACILITY_ADMINISTRATOR, facility.value());
        return login(username, PASSWORD);
    }

    private StaffId activeUser(FacilityId facility, String family, String kana) {
        StaffId id = registry.applyToAdd(facility, new NewStaff(family, "看護", kana, "カンゴ", Profession.NURSE, null),
                today.minusDays(15), today, OPERATOR);
        desk.accept(desk.ofStaff(id.value()).get(0).id(), OPERATOR);
        return id;
    }

    @Test
    @DisplayName("USR-01 the facility's users load as a fragment with their state and a link to the add application")
    void staffFragment() throws Exception {
        FacilityId facility = facilities.activeHospital("一覧テスト病院");
        StaffId active = activeUser(facility, "一覧", TestFacilities.uniqueKana());

        mvc.perform(get("/operator/facilities/{id}/staff", facility).session(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("/operator/staff/" + active)))
                .andExpect(content().string(containsString("一覧 看護")))
                .andExpect(content().string(containsString("看護師")))
                .andExpect(content().string(containsString("badge ACTIVE")))
                .andExpect(content().string(containsString("令和")))
                .andExpect(content().string(containsString("利用者追加届を登録")))
                .andExpect(content().string(containsString("/operator/facilities/" + facility + "/staff/new")));
        mvc.perform(get("/operator/facilities/{id}/staff", UUID.randomUUID()).session(operator()))
                .andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("USR-01 the operator registers a user add application; a broken rule shows the form again with the input kept")
    void addApplicationForm() throws Exception {
        FacilityId facility = facilities.activeHospital("画面追加テスト病院");
        MockHttpSession session = operator();

        mvc.perform(get("/operator/facilities/{id}/staff/new", facility).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("利用者追加届")))
                .andExpect(content().string(containsString("介護支援専門員")))
                .andExpect(content().string(containsString("value=\"" + today.plusDays(15) + "\"")));

        mvc.perform(post("/operator/facilities/{id}/staff/new", facility).session(session).with(csrf())
                        .param("familyName", "画面").param("givenName", "太郎")
                        .param("familyNameKana", "がめん").param("givenNameKana", "タロウ")
                        .param("profession", "PHARMACIST").param("email", "gamen@example.jp")
                        .param("receivedOn", today.toString()).param("wishedOn", today.plusDays(15).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("role=\"alert\"")))
                .andExpect(content().string(containsString("全角カタカナ")))
                .andExpect(content().string(containsString("value=\"がめん\"")))
                .andExpect(content().string(containsString("value=\"gamen@example.jp\"")))
                .andExpect(content().string(containsString("value=\"PHARMACIST\" selected")));
        mvc.perform(post("/operator/facilities/{id}/staff/new", facility).session(session).with(csrf())
                        .param("familyName", "画面").param("givenName", "太郎")
                        .param("familyNameKana", "ガメン").param("givenNameKana", "タロウ")
                        .param("profession", "PHARMACIST")
                        .param("receivedOn", today.toString()).param("wishedOn", today.plusDays(3).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("15日前まで")));
        assertThat(registry.ofFacility(facility)).isEmpty();

        var created = mvc.perform(post("/operator/facilities/{id}/staff/new", facility).session(session).with(csrf())
                        .param("familyName", "画面").param("givenName", "太郎")
                        .param("familyNameKana", "ガメン").param("givenNameKana", "タロウ")
                        .param("profession", "PHARMACIST")
                        .param("receivedOn", today.toString()).param("wishedOn", today.plusDays(15).toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/operator/staff/*"))
                .andReturn();
        StaffMember member = registry.ofFacility(facility).get(0);
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/operator/staff/" + member.id());
        assertThat(member.status()).isEqualTo(StaffStatus.APPLYING);
        assertThat(member.profession()).isEqualTo(Profession.PHARMACIST);

        var filing = desk.ofStaff(member.id().value()).get(0);
        mvc.perform(get("/operator/staff/{id}", member.id()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("画面 太郎")))
                .andExpect(content().string(containsString("ガメン タロウ")))
                .andExpect(content().string(containsString("badge APPLYING")))
                .andExpect(content().string(containsString("/operator/filings/" + filing.id())))
                .andExpect(content().string(containsString("add application received")))
                .andExpect(content().string(containsString("運営事務局 (operator)")));
    }

    @Test
    @DisplayName("USR-01 the operator registers a user withdrawal application and suspends and reinstates from the user's page")
    void detailActs() throws Exception {
        FacilityId facility = facilities.activeHospital("画面削除テスト病院");
        StaffId id = activeUser(facility, "詳細", TestFacilities.uniqueKana());
        MockHttpSession session = operator();

        mvc.perform(get("/operator/staff/{id}", id).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("利用者削除届")))
                .andExpect(content().string(containsString("/operator/staff/" + id + "/suspend")));

        mvc.perform(post("/operator/staff/{id}/suspend", id).session(session).with(csrf()).param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("利用停止の理由を入力してください")));
        mvc.perform(post("/operator/staff/{id}/suspend", id).session(session).with(csrf()).param("reason", "確認中"))
                .andExpect(redirectedUrl("/operator/staff/" + id));
        assertThat(registry.get(id).status()).isEqualTo(StaffStatus.SUSPENDED);
        mvc.perform(get("/operator/staff/{id}", id).session(session))
                .andExpect(content().string(containsString("確認中")))
                .andExpect(content().string(containsString("/operator/staff/" + id + "/reinstate")));
        mvc.perform(post("/operator/staff/{id}/reinstate", id).session(session).with(csrf()))
                .andExpect(redirectedUrl("/operator/staff/" + id));
        assertThat(registry.get(id).status()).isEqualTo(StaffStatus.ACTIVE);

        mvc.perform(post("/operator/staff/{id}/withdrawal", id).session(session).with(csrf())
                        .param("receivedOn", today.toString()).param("wishedOn", today.plusDays(15).toString()))
                .andExpect(redirectedUrl("/operator/staff/" + id));
        assertThat(desk.ofStaff(id.value())).anyMatch(f -> f.kind() == FilingKind.STAFF_WITHDRAWAL);
        mvc.perform(get("/operator/staff/{id}", id).session(session))
                .andExpect(content().string(containsString("利用者 削除届")));

        mvc.perform(get("/operator/staff/{id}", UUID.randomUUID()).session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/operator/staff/not-a-uuid").session(session)).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("FAC-05 the facility administrator's console shows their facility and suspends and reinstates its users")
    void facilityConsole() throws Exception {
        FacilityId facility = facilities.activeHospital("管理画面テスト病院");
        StaffId id = activeUser(facility, "自院", TestFacilities.uniqueKana());
        MockHttpSession session = administratorOf(facility);

        mvc.perform(get("/facility").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("管理画面テスト病院")))
                .andExpect(content().string(containsString(facilityRegistry.get(facility).code())))
                .andExpect(content().string(containsString("熊本県熊本市")))
                .andExpect(content().string(containsString("自院 看護")))
                .andExpect(content().string(containsString("hx-get=\"/facility/notices\"")))
                .andExpect(content().string(containsString("/facility/staff/" + id + "/suspend")));

        mvc.perform(post("/facility/staff/{id}/suspend", id).session(session).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("role=\"alert\"")));
        mvc.perform(post("/facility/staff/{id}/suspend", id).session(session).with(csrf())
                        .param("reason", "利用者カードの紛失"))
                .andExpect(redirectedUrl("/facility"));
        assertThat(registry.get(id).status()).isEqualTo(StaffStatus.SUSPENDED);
        assertThat(registry.get(id).suspensionReason()).isEqualTo("利用者カードの紛失");
        mvc.perform(get("/facility").session(session))
                .andExpect(content().string(containsString("/facility/staff/" + id + "/reinstate")));

        mvc.perform(post("/facility/staff/{id}/reinstate", id).session(session).with(csrf()))
                .andExpect(redirectedUrl("/facility"));
        assertThat(registry.get(id).status()).isEqualTo(StaffStatus.ACTIVE);
    }

    @Test
    @DisplayName("FAC-05 a facility administrator cannot touch a user of another facility: not found, nothing changes")
    void otherFacilityNotFound() throws Exception {
        FacilityId own = facilities.activeHospital("自施設画面テスト病院");
        FacilityId other = facilities.activeHospital("他施設画面テスト病院");
        StaffId stranger = activeUser(other, "他院", TestFacilities.uniqueKana());
        MockHttpSession session = administratorOf(own);
        int historyLines = registry.history(stranger).size();

        mvc.perform(get("/facility").session(session))
                .andExpect(content().string(not(containsString(stranger.toString()))));
        mvc.perform(post("/facility/staff/{id}/suspend", stranger).session(session).with(csrf())
                        .param("reason", "他施設から"))
                .andExpect(status().isNotFound());
        assertThat(registry.get(stranger).status()).isEqualTo(StaffStatus.ACTIVE);

        registry.suspend(stranger, "他施設の管理者による停止", TestFacilities.administratorOf(other));
        mvc.perform(post("/facility/staff/{id}/reinstate", stranger).session(session).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(registry.get(stranger).status()).isEqualTo(StaffStatus.SUSPENDED);
        assertThat(registry.history(stranger)).hasSize(historyLines + 1);

        mvc.perform(get("/operator/staff/{id}", stranger).session(session)).andExpect(status().isForbidden());
    }
}

package org.renkei.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestLogins;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.Filing;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Profession;
import org.renkei.platform.time.JapanTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Lost card or device (USR-07): the support centre stops a user's access at once, every session of it. */
@RenkeiTest
class UserSessionsEndTests {

    private static final String PASSWORD = "Karikari-pw-2!";

    @Autowired MockMvc mvc;
    @Autowired SelfRegistration registration;
    @Autowired StaffRegistry registry;
    @Autowired FacilityRegistry facilityRegistry;
    @Autowired FilingDesk desk;

    @Test
    @DisplayName("USR-07 suspending a user ends every session of that user at once: provisional and temporary password sessions alike")
    void suspensionEndsEverySession() throws Exception {
        var facilities = new TestFacilities(facilityRegistry, desk);
        FacilityId facility = facilities.activeHospital("紛失停止テスト病院");
        LocalDate today = LocalDate.now(JapanTime.ZONE);

        // a self-registered user whose add application has taken effect …
        String provisional = "lost-" + UUID.randomUUID().toString().substring(0, 8);
        UUID registered = registration.register(new SelfRegistration.Form(facilityRegistry.get(facility).code(),
                "紛失", "太郎", TestFacilities.uniqueKana(), "タロウ", Profession.NURSE, "lost@example.jp",
                provisional, PASSWORD, PASSWORD));
        StaffId user = registration.confirm(registered, TestFacilities.administratorOf(facility));
        Filing filing = desk.ofStaff(user.value()).get(0);
        desk.accept(filing.id(), TestFacilities.OPERATOR);
        desk.takeEffectIfDue(filing.id(), today.plusDays(15));
        assertThat(registry.get(user).status()).isEqualTo(StaffStatus.ACTIVE);

        // … who also got a temporary account from the support centre
        MockHttpSession operator = TestLogins.operator(mvc);
        MvcResult issued = mvc.perform(post("/operator/accounts/temporary").param("staff", user.toString())
                        .param("reason", "カードリーダーの故障").with(csrf()).session(operator))
                .andExpect(redirectedUrlPattern("/operator/accounts/*")).andReturn();
        String temporary = (String) issued.getFlashMap().get("issuedUsername");
        String initial = (String) issued.getFlashMap().get("issuedPassword");
        String secret = TestLogins.firstLogin(mvc, temporary, initial, "Temporary-pw-2!");

        MockHttpSession first = TestLogins.login(mvc, provisional, PASSWORD);
        MockHttpSession second = TestLogins.login(mvc, temporary, "Temporary-pw-2!", secret);
        mvc.perform(get("/account").session(first)).andExpect(status().isOk());
        mvc.perform(get("/account").session(second)).andExpect(status().isOk());

        mvc.perform(post("/operator/staff/{id}/suspend", user).param("reason", "端末の紛失").with(csrf())
                .session(operator)).andExpect(redirectedUrl("/operator/staff/" + user));

        mvc.perform(get("/account").session(first)).andExpect(redirectedUrl("/login?ended"));
        mvc.perform(get("/account").session(second)).andExpect(redirectedUrl("/login?ended"));
        assertThat(first.isInvalid()).isTrue();
        assertThat(second.isInvalid()).isTrue();
        mvc.perform(formLogin("/login").user(provisional).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user(temporary).password("Temporary-pw-2!"))
                .andExpect(redirectedUrl("/login?error"));
    }
}

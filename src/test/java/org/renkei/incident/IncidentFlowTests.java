package org.renkei.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestLogins;
import org.renkei.TestRegion;
import org.renkei.access.AccessDecisions;
import org.renkei.access.AccessRequest;
import org.renkei.access.Action;
import org.renkei.access.DataKind;
import org.renkei.access.Reason;
import org.renkei.audit.AuditAction;
import org.renkei.audit.AuditEntry;
import org.renkei.audit.AuditFilter;
import org.renkei.audit.AuditSearch;
import org.renkei.consent.ConsentDesk;
import org.renkei.consent.Participant;
import org.renkei.consent.ParticipantDirectory;
import org.renkei.consent.TestConsent;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.Profession;
import org.renkei.identity.LoginAccounts;
import org.renkei.identity.NetworkCardAuthority;
import org.renkei.identity.TestCardLogins;
import org.renkei.platform.time.JapanTime;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffRegistry;
import org.renkei.staff.StaffStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Incidents (AUD-05, USR-07): a facility reports, may stop the user at once; the operator tracks it to closed. */
@RenkeiTest
class IncidentFlowTests {

    private static final String PASSWORD = "Test-admin-1!";

    @Autowired MockMvc mvc;
    @Autowired IncidentDesk incidents;
    @Autowired AccessDecisions access;
    @Autowired AuditSearch audit;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired StaffRegistry staff;
    @Autowired ConsentDesk desk;
    @Autowired ParticipantDirectory directory;
    @Autowired LoginAccounts accounts;
    @Autowired NetworkCardAuthority cards;
    @Autowired ApplicationContext context;

    TestConsent consent;

    @BeforeEach
    void setUp() {
        consent = new TestConsent(facilities, filings, staff, desk, directory);
    }

    private MockHttpSession administratorOf(FacilityId facility) throws Exception {
        String username = "incadm-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "報告 管理者", PASSWORD, Actor.AccountKind.FACILITY_ADMINISTRATOR, facility.value());
        var result = mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(redirectedUrl("/console")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private static String noticed() {
        return LocalDateTime.now(JapanTime.ZONE).minusHours(2).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private String page(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("AUD-05 USR-07 reporting a lost card with \"stop this user now\" suspends the user and revokes their card at once, so every access is denied; the operator takes it to closed, every act audited")
    void lostCardStopsTheUser() throws Exception {
        FacilityId hospital = consent.activeHospital("インシデント報告病院");
        Actor nurse = consent.staffAt(hospital, Profession.NURSE, AuthLevel.USER_PKI_CARD);
        Participant participant = consent.join(TestConsent.patient(), hospital, hospital);
        var request = AccessRequest.of(nurse, participant.id().value(), Action.VIEW, DataKind.CENTRE_RECORD);
        assertThat(access.decide(request).permitted()).isTrue();
        cards.issueSoftToken(nurse.staffId(), "Lost-card-1!".toCharArray(), "test");

        MockHttpSession admin = administratorOf(hospital);
        assertThat(page(admin, "/facility/incidents")).contains(nurse.displayName());
        var reported = mvc.perform(post("/facility/incidents").session(admin).with(csrf())
                        .param("kind", "LOST_CARD").param("noticedAt", noticed())
                        .param("description", "通勤中に利用者カードを紛失").param("staff", nurse.staffId().toString())
                        .param("suspend", "true"))
                .andExpect(redirectedUrlPattern("/facility/incidents/*?reported")).andReturn();
        UUID id = UUID.fromString(reported.getResponse().getRedirectedUrl()
                .replaceAll(".*/incidents/([0-9a-f-]+).*", "$1"));

        assertThat(staff.get(new StaffId(nurse.staffId())).status()).isEqualTo(StaffStatus.SUSPENDED);
        assertThat(access.decide(request).reason()).isEqualTo(Reason.USER_NOT_ACTIVE);
        Incident incident = incidents.get(id, TestRegion.OPERATOR);
        assertThat(incident.status()).isEqualTo(IncidentStatus.REPORTED);
        assertThat(incident.userSuspended()).isTrue();
        assertThat(incident.cardsRevoked()).isEqualTo(1);
        assertThat(page(admin, "/facility/incidents/" + id)).contains("利用停止済み").contains("通勤中に利用者カードを紛失");

        // the operator: open ones first, with their age; forward only; notes with who and when
        MockHttpSession operator = TestLogins.operator(mvc);
        assertThat(page(operator, "/operator/incidents")).contains("/operator/incidents/" + id)
                .contains("インシデント報告病院").contains("0日");
        mvc.perform(post("/operator/incidents/{id}/steps", id).session(operator).with(csrf())
                .param("status", "INVESTIGATING").param("note", "施設に電話で確認"))
                .andExpect(redirectedUrl("/operator/incidents/" + id));
        mvc.perform(post("/operator/incidents/{id}/steps", id).session(operator).with(csrf())
                .param("status", "CLOSED").param("note", "カード再発行の申請を受付"))
                .andExpect(redirectedUrl("/operator/incidents/" + id));
        mvc.perform(post("/operator/incidents/{id}/steps", id).session(operator).with(csrf())
                .param("status", "INVESTIGATING").param("note", "戻す"))
                .andExpect(status().isBadRequest());
        assertThat(incidents.get(id, TestRegion.OPERATOR).status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(incidents.steps(id, TestRegion.OPERATOR)).extracting(Incident.Step::status)
                .containsExactly(IncidentStatus.REPORTED, IncidentStatus.INVESTIGATING, IncidentStatus.CLOSED);
        assertThat(page(operator, "/operator/incidents/" + id)).contains("施設に電話で確認").contains("完了");

        var entries = audit.search(TestRegion.OPERATOR, new AuditFilter(null, null, null, null, null, null,
                Set.of(AuditAction.INCIDENT), null, null), null).entries();
        assertThat(entries.stream().filter(e -> id.toString().equals(e.event().resourceId()))
                .map(AuditEntry::event).map(e -> e.detail()))
                .hasSize(3).anySatisfy(d -> assertThat(d).contains("LOST_CARD").contains("user suspended"))
                .anySatisfy(d -> assertThat(d).contains("INVESTIGATING -> CLOSED"));
    }

    @Test
    @DisplayName("AUD-05 a report that breaks a rule stores nothing and stops nobody; another facility's user cannot be named, nor its incidents seen")
    void badReportsChangeNothing() throws Exception {
        FacilityId own = consent.activeClinic("インシデント自院");
        FacilityId other = consent.activeClinic("インシデント他院");
        Actor ours = consent.clerkAt(own);
        Actor theirs = consent.clerkAt(other);
        MockHttpSession admin = administratorOf(own);

        mvc.perform(post("/facility/incidents").session(admin).with(csrf()).param("kind", "LOST_DEVICE")
                        .param("noticedAt", noticed()).param("description", " ")
                        .param("staff", ours.staffId().toString()).param("suspend", "true"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/facility/incidents").session(admin).with(csrf()).param("kind", "LOST_DEVICE")
                        .param("noticedAt", noticed()).param("description", "他院の利用者")
                        .param("staff", theirs.staffId().toString()).param("suspend", "true"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/facility/incidents").session(admin).with(csrf()).param("kind", "ANOMALY")
                        .param("noticedAt", "yesterday").param("description", "不明な時刻"))
                .andExpect(status().isBadRequest());
        assertThat(staff.get(new StaffId(ours.staffId())).status()).isEqualTo(StaffStatus.ACTIVE);
        assertThat(staff.get(new StaffId(theirs.staffId())).status()).isEqualTo(StaffStatus.ACTIVE);

        MockHttpSession otherAdmin = administratorOf(other);
        var reported = mvc.perform(post("/facility/incidents").session(otherAdmin).with(csrf())
                        .param("kind", "ANOMALY").param("noticedAt", noticed()).param("description", "深夜の不審なログイン"))
                .andExpect(redirectedUrlPattern("/facility/incidents/*?reported")).andReturn();
        String path = reported.getResponse().getRedirectedUrl().replaceAll("\\?.*", "");
        mvc.perform(get(path).session(admin)).andExpect(status().isNotFound());
        assertThat(page(admin, "/facility/incidents")).doesNotContain("深夜の不審なログイン")
                .doesNotContain(path);
        mvc.perform(get("/operator/incidents").session(admin)).andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("AUD-05 a user logged in with their IC card reports their own lost device; only the administrator may stop a user with a report")
    void cardUserReports() throws Exception {
        FacilityId clinic = consent.activeClinic("インシデント利用者報告クリニック");
        Actor nurse = consent.staffAt(clinic, Profession.NURSE, AuthLevel.USER_PKI_CARD);
        MockHttpSession session = TestCardLogins.userCard(mvc, context, nurse.staffId());

        assertThat(page(session, "/incidents")).contains("id=\"incident-report\"");
        mvc.perform(post("/incidents").session(session).with(csrf()).param("kind", "LOST_DEVICE")
                        .param("noticedAt", noticed()).param("description", "タブレットを車内に置き忘れ")
                        .param("device", "タブレット 3号機"))
                .andExpect(redirectedUrl("/incidents?reported"));
        mvc.perform(post("/incidents").session(session).with(csrf()).param("kind", "LOST_DEVICE")
                        .param("noticedAt", noticed()).param("description", " "))
                .andExpect(status().isBadRequest());

        Incident reported = incidents.all(TestRegion.OPERATOR).stream()
                .filter(i -> i.facility().equals(clinic)).findFirst().orElseThrow();
        assertThat(reported.staff()).isEqualTo(new StaffId(nurse.staffId()));
        assertThat(reported.device()).isEqualTo("タブレット 3号機");
        assertThat(reported.userSuspended()).isFalse();
        assertThat(incidents.all(TestRegion.OPERATOR).stream().filter(i -> i.facility().equals(clinic))).hasSize(1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> incidents.report(new IncidentReport(
                        IncidentKind.LOST_CARD, java.time.Instant.now(), "カード紛失", new StaffId(nurse.staffId()),
                        null, true), nurse))
                .hasMessage("incident.suspend.administratorOnly");
        Actor password = new Actor(nurse.accountId(), nurse.username(), nurse.displayName(),
                AuthLevel.TEMPORARY_PASSWORD, Actor.AccountKind.STAFF, clinic.value(), nurse.staffId(),
                Profession.NURSE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> incidents.report(new IncidentReport(
                        IncidentKind.ANOMALY, java.time.Instant.now(), "異常", null, null, false), password))
                .hasMessage("incident.report.notAllowed");
        assertThat(staff.get(new StaffId(nurse.staffId())).status()).isEqualTo(StaffStatus.ACTIVE);
    }
}

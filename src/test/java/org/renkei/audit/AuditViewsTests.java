package org.renkei.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestLogins;
import org.renkei.TestRegion;
import org.renkei.consent.ConsentDesk;
import org.renkei.consent.Participant;
import org.renkei.consent.ParticipantDirectory;
import org.renkei.consent.TestConsent;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityKind;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.LoginAccounts;
import org.renkei.identity.Profession;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The audit trail's pages and CSV export (AUD-02): the operator sees everything, an administrator their own. */
@RenkeiTest
class AuditViewsTests {

    private static final String PASSWORD = "Test-admin-1!";

    @Autowired MockMvc mvc;
    @Autowired AuditTrail trail;
    @Autowired AuditSearch search;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired StaffRegistry staff;
    @Autowired ConsentDesk desk;
    @Autowired ParticipantDirectory directory;
    @Autowired LoginAccounts accounts;

    TestConsent consent;

    @BeforeEach
    void setUp() {
        consent = new TestConsent(facilities, filings, staff, desk, directory);
    }

    static Actor person(UUID facility, String name) {
        UUID id = UUID.randomUUID();
        return new Actor(id, "u-" + id.toString().substring(0, 8), name, AuthLevel.HPKI_CARD,
                Actor.AccountKind.STAFF, facility, id, Profession.DOCTOR);
    }

    private MockHttpSession administratorOf(FacilityId facility) throws Exception {
        String username = "audadm-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "監査管理者", PASSWORD, Actor.AccountKind.FACILITY_ADMINISTRATOR, facility.value());
        var result = mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(redirectedUrl("/console")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private String body(org.springframework.test.web.servlet.ResultActions actions) throws Exception {
        return actions.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("AUD-02 the operator searches the whole audit trail by participant, user, facility, time, action, purpose and outcome, newest first")
    void operatorSearchFilters() throws Exception {
        UUID hospital = TestRegion.active(facilities, filings, FacilityKind.HOSPITAL, "監査検索病院").value();
        UUID clinic = TestRegion.active(facilities, filings, FacilityKind.CLINIC, "監査検索クリニック").value();
        Actor doctor = person(hospital, "検索 医師" + UUID.randomUUID().toString().substring(0, 4));
        Actor nurse = person(clinic, "検索 看護師");
        UUID participant = UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(1);
        AuditEntry first = trail.record(AuditEvent.of(AuditAction.VIEW).by(doctor).participant(participant)
                .resource("DocumentReference", "r1").build());
        AuditEntry second = trail.record(AuditEvent.of(AuditAction.EMERGENCY_ACCESS).by(doctor)
                .participant(participant).purpose(AuditPurpose.EMERGENCY).build());
        AuditEntry third = trail.record(AuditEvent.of(AuditAction.VIEW).by(nurse).participant(participant)
                .denied().build());
        Actor operator = TestRegion.OPERATOR;

        var byParticipant = search.search(operator, filter(participant, null, null, null, null), null).entries();
        assertThat(byParticipant).extracting(AuditEntry::id).containsExactly(third.id(), second.id(), first.id());
        assertThat(search.search(operator, filter(participant, doctor.displayName(), null, null, null), null)
                .entries()).extracting(AuditEntry::id).containsExactly(second.id(), first.id());
        assertThat(search.search(operator, filter(participant, null, clinic, null, null), null).entries())
                .extracting(AuditEntry::id).containsExactly(third.id());
        assertThat(search.search(operator, new AuditFilter(participant, null, null, null, null, null,
                Set.of(AuditAction.EMERGENCY_ACCESS), AuditPurpose.EMERGENCY, null), null).entries())
                .extracting(AuditEntry::id).containsExactly(second.id());
        assertThat(search.search(operator, filter(participant, null, null, null, AuditOutcome.DENIED), null)
                .entries()).extracting(AuditEntry::id).containsExactly(third.id());
        assertThat(search.search(operator, new AuditFilter(participant, null, null, null, start,
                start.plus(Duration.ofHours(1)), Set.of(), null, null), null).entries()).hasSize(3);
        assertThat(search.search(operator, new AuditFilter(participant, null, null, null,
                start.plus(Duration.ofHours(1)), null, Set.of(), null, null), null).entries()).isEmpty();

        // the page: filters as typed, JST times, the user's name and facility
        MockHttpSession session = TestLogins.operator(mvc);
        String page = body(mvc.perform(get("/operator/audit").session(session)
                .param("participant", participant.toString()).param("staff", doctor.username())
                .param("action", "VIEW")).andExpect(status().isOk()));
        assertThat(page).contains(doctor.displayName()).contains("監査検索病院").contains("DocumentReference")
                .doesNotContain("検索 看護師");
        String empty = body(mvc.perform(get("/operator/audit").session(session)
                .param("participant", participant.toString()).param("from", "2999-01-01T00:00"))
                .andExpect(status().isOk()));
        assertThat(empty).doesNotContain(doctor.displayName());
        String bad = body(mvc.perform(get("/operator/audit").session(session).param("from", "yesterday"))
                .andExpect(status().isBadRequest()));
        assertThat(bad).contains("yesterday");
    }

    @Test
    @DisplayName("AUD-02 the operator finds a participant's entries by the participant card number, and pages of 50 go back in time")
    void operatorSearchesByCardAndPages() throws Exception {
        FacilityId clinic = consent.activeClinic("監査カード検索クリニック");
        Participant participant = consent.join(TestConsent.patient(), clinic, clinic);
        Actor doctor = person(clinic.value(), "カード 医師");
        for (int i = 0; i < 51; i++) {
            trail.recordLater(AuditEvent.of(AuditAction.VIEW).by(doctor).participant(participant.id().value())
                    .resource("Observation", "o" + i).build());
        }
        AuditEntry last = trail.record(AuditEvent.of(AuditAction.PRINT).by(doctor)
                .participant(participant.id().value()).resource("DocumentReference", "last").build());

        MockHttpSession session = TestLogins.operator(mvc);
        var result = mvc.perform(get("/operator/audit").session(session)
                .param("participant", participant.cardNumberDisplay())).andExpect(status().isOk()).andReturn();
        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("カード 医師").contains("last").contains("id=\"audit-next\"");
        String older = page.replaceAll("(?s).*id=\"audit-next\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        String second = body(mvc.perform(get(older).session(session)).andExpect(status().isOk()));
        assertThat(second).contains("o0").doesNotContain("id=\"audit-next\"");

        assertThat(body(mvc.perform(get("/operator/audit").session(session).param("participant", "1234-5678-9013"))
                .andExpect(status().isBadRequest()))).contains("audit-filter");
        assertThat(last.seq()).isPositive();
    }

    @Test
    @DisplayName("AUD-02 a facility administrator sees only their own facility's entries, also in the CSV")
    void facilityScope() throws Exception {
        FacilityId own = TestRegion.active(facilities, filings, FacilityKind.HOSPITAL, "監査自院病院");
        FacilityId other = TestRegion.active(facilities, filings, FacilityKind.HOSPITAL, "監査他院病院");
        Actor ours = person(own.value(), "自院 利用者");
        Actor theirs = person(other.value(), "他院 利用者");
        UUID participant = UUID.randomUUID();
        trail.record(AuditEvent.of(AuditAction.VIEW).by(ours).participant(participant).resource("Patient", "p")
                .detail("ours-detail").build());
        trail.record(AuditEvent.of(AuditAction.VIEW).by(theirs).participant(participant).resource("Patient", "p")
                .detail("theirs-detail").build());

        MockHttpSession admin = administratorOf(own);
        String page = body(mvc.perform(get("/facility/audit").session(admin)
                .param("participant", participant.toString())).andExpect(status().isOk()));
        assertThat(page).contains("ours-detail").doesNotContain("theirs-detail");
        // asking for the other facility changes nothing: the scope is in the query
        String asked = body(mvc.perform(get("/facility/audit").session(admin)
                .param("participant", participant.toString()).param("facility", other.toString()))
                .andExpect(status().isOk()));
        assertThat(asked).contains("ours-detail").doesNotContain("theirs-detail");

        var csv = mvc.perform(get("/facility/audit/export").session(admin)
                .param("participant", participant.toString()).param("facility", other.toString()))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment");
        byte[] bytes = csv.getContentAsByteArray();
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        assertThat(bytes[1] & 0xff).isEqualTo(0xBB);
        assertThat(bytes[2] & 0xff).isEqualTo(0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = text.substring(1).lines().toList();
        assertThat(lines.get(0)).startsWith("日時（JST）,操作,");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("自院 利用者").contains("監査自院病院").contains("ours-detail")
                .contains("閲覧");
        assertThat(text).doesNotContain("theirs-detail");

        // the operator pages are not theirs, and staff see no audit page at all
        mvc.perform(get("/operator/audit").session(admin)).andExpect(status().isForbidden());
        assertThat(search.search(TestRegion.OPERATOR, filter(participant, null, null, null, null), null).entries())
                .hasSize(2);
    }

    @Test
    @DisplayName("AUD-02 exporting the audit trail as CSV is itself audited with its filter, and so is looking at it")
    void exportAudited() throws Exception {
        String marker = "exp" + UUID.randomUUID().toString().substring(0, 8);
        MockHttpSession session = TestLogins.operator(mvc);
        mvc.perform(get("/operator/audit/export").session(session).param("staff", marker))
                .andExpect(status().isOk());
        mvc.perform(get("/operator/audit").session(session).param("staff", marker)).andExpect(status().isOk());

        var operatorFilter = new AuditFilter(null, null, TestLogins.OPERATOR, null, null, null,
                Set.of(AuditAction.AUDIT_EXPORT), null, null);
        List<AuditEntry> exports = search.search(TestRegion.OPERATOR, operatorFilter, null).entries();
        assertThat(exports).anySatisfy(e -> {
            assertThat(e.event().detail()).contains("staff=" + marker);
            assertThat(e.event().purpose()).isEqualTo(AuditPurpose.ADMINISTRATION);
            assertThat(e.event().resourceType()).isEqualTo("AuditEvent");
        });
        var views = new AuditFilter(null, null, TestLogins.OPERATOR, null, null, null, Set.of(AuditAction.VIEW),
                null, null);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        boolean seen = false;
        while (!seen && System.nanoTime() < deadline) {
            seen = search.search(TestRegion.OPERATOR, views, null).entries().stream()
                    .anyMatch(e -> e.event().detail() != null && e.event().detail().contains("staff=" + marker));
            if (!seen) {
                Thread.sleep(100);
            }
        }
        assertThat(seen).as("the view of the audit page is recorded").isTrue();
    }

    private static AuditFilter filter(UUID participant, String staffText, UUID facility, AuditAction action,
            AuditOutcome outcome) {
        return new AuditFilter(participant, null, staffText, facility, null, null,
                action == null ? Set.of() : Set.of(action), null, outcome);
    }
}

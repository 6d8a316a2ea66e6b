package org.renkei.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestLogins;
import org.renkei.TestRegion;
import org.renkei.facility.FacilityKind;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Who looked at a participant's data (AUD-04): the list the participant will see, emergency access marked. */
@RenkeiTest
class AuditParticipantAccessTests {

    @Autowired MockMvc mvc;
    @Autowired AuditTrail trail;
    @Autowired ParticipantAccessLog log;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;

    @Test
    @DisplayName("AUD-04 the participant access list names facility, user, action and record kind, marks emergency access and leaves out refusals, logins and audit reads")
    void accessListMarksEmergency() throws Exception {
        UUID hospital = TestRegion.active(facilities, filings, FacilityKind.HOSPITAL, "アクセス一覧病院").value();
        Actor doctor = AuditViewsTests.person(hospital, "一覧 医師");
        UUID participant = UUID.randomUUID();
        trail.record(AuditEvent.of(AuditAction.VIEW).by(doctor).participant(participant)
                .resource("DocumentReference", "d1").build());
        trail.record(AuditEvent.of(AuditAction.EMERGENCY_ACCESS).by(doctor).participant(participant)
                .purpose(AuditPurpose.EMERGENCY).build());
        trail.record(AuditEvent.of(AuditAction.VIEW).by(doctor).participant(participant)
                .resource("Observation", "o1").purpose(AuditPurpose.EMERGENCY).build());
        trail.record(AuditEvent.of(AuditAction.VIEW).by(doctor).participant(participant)
                .resource("Observation", "o2").denied().build());
        trail.record(AuditEvent.of(AuditAction.LOGIN).by(doctor).participant(participant).build());
        trail.record(AuditEvent.of(AuditAction.VIEW).by(TestRegion.OPERATOR).participant(participant)
                .resource("AuditEvent", null).build());

        var page = log.accesses(participant, null, 50);
        assertThat(page.next()).isNull();
        assertThat(page.accesses()).hasSize(3);
        var newest = page.accesses().get(0);
        assertThat(newest.action()).isEqualTo(AuditAction.VIEW);
        assertThat(newest.resourceType()).isEqualTo("Observation");
        assertThat(newest.emergency()).isTrue();
        assertThat(newest.facilityId()).isEqualTo(hospital);
        assertThat(newest.facilityName()).isEqualTo("アクセス一覧病院");
        assertThat(newest.staffName()).isEqualTo("一覧 医師");
        assertThat(page.accesses().get(1).action()).isEqualTo(AuditAction.EMERGENCY_ACCESS);
        assertThat(page.accesses().get(1).emergency()).isTrue();
        var oldest = page.accesses().get(2);
        assertThat(oldest.resourceType()).isEqualTo("DocumentReference");
        assertThat(oldest.emergency()).isFalse();
        assertThat(oldest.disaster()).isFalse();
        assertThat(oldest.purpose()).isEqualTo(AuditPurpose.CARE);

        var first = log.accesses(participant, null, 2);
        assertThat(first.accesses()).hasSize(2);
        assertThat(log.accesses(participant, first.next(), 2).accesses()).singleElement()
                .satisfies(a -> assertThat(a.resourceType()).isEqualTo("DocumentReference"));

        String html = mvc.perform(get("/operator/audit/participants/{id}", participant)
                        .session(TestLogins.operator(mvc)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("アクセス一覧病院").contains("一覧 医師").contains("緊急時")
                .contains("class=\"badge SUSPENDED emergency\"");
    }
}

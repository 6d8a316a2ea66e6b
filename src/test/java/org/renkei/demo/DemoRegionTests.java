package org.renkei.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.consent.ConsentDesk;
import org.renkei.consent.ConsentForm;
import org.renkei.consent.FormKind;
import org.renkei.consent.Participant;
import org.renkei.consent.ParticipantDirectory;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.DemoHpkiAuthority;
import org.renkei.identity.LoginAccounts;
import org.renkei.identity.NetworkCardAuthority;
import org.renkei.identity.Profession;
import org.renkei.platform.time.JapanTime;
import org.renkei.staff.SelfRegistration;
import org.renkei.staff.StaffMember;
import org.renkei.staff.StaffRegistry;
import org.renkei.record.Attachments;
import org.renkei.record.FhirRecords;
import org.renkei.record.RecordCategory;
import org.renkei.record.RecordQuery;
import org.renkei.record.SharedRecords;
import org.renkei.record.StoredRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@RenkeiTest
class DemoRegionTests {

    @Autowired FacilityRegistry facilities;
    @Autowired StaffRegistry staff;
    @Autowired FilingDesk filings;
    @Autowired LoginAccounts accounts;
    @Autowired DemoHpkiAuthority hpki;
    @Autowired NetworkCardAuthority network;
    @Autowired SelfRegistration selfRegistration;
    @Autowired ConsentDesk consent;
    @Autowired ParticipantDirectory directory;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;
    @Autowired SharedRecords records;
    @Autowired FhirRecords fhir;
    @Autowired Attachments attachments;
    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    @Test
    @DisplayName("FAC-01 PAR-01 CON-02 CON-03 CON-06 DOC-01 the demo region loads in one go — facilities, users with their cards, participants, queued forms — and then its shared records")
    void demoRegionLoads() throws Exception {
        Path certificates = Path.of("target", "demo-region-test-certificates");
        var demo = new DemoRegion(facilities, staff, filings, accounts, hpki, network, selfRegistration, consent, clock,
                "Renkei-demo-2026!", certificates);
        transactions.executeWithoutResult(tx -> demo.run(null));

        var hospital = facilities.findByCode(DemoRegion.MARKER_CODE).orElseThrow();
        assertThat(hospital.isActive()).isTrue();
        assertThat(Files.readString(certificates.resolve("index.tsv"))).contains("midori-hospital-doctor-1.p12");
        StaffMember doctor = staff.ofFacility(hospital.id()).stream()
                .filter(s -> s.profession() == Profession.DOCTOR).findFirst().orElseThrow();
        Actor actor = new Actor(doctor.id().value(), "demo-doctor", doctor.fullName(), AuthLevel.HPKI_CARD,
                Actor.AccountKind.STAFF, hospital.id().value(), doctor.id().value(), Profession.DOCTOR);

        assertThat(directory.search(actor, "ヤマダ", LocalDate.of(1941, 3, 8))).extracting(Participant::participating)
                .containsExactly(true);
        assertThat(directory.search(actor, "スズキ", LocalDate.of(1936, 7, 2))).hasSize(1);
        assertThat(directory.search(actor, "キムラ", LocalDate.of(1960, 1, 15))).as("withdrew").isEmpty();
        assertThat(consent.queue(org.renkei.TestRegion.OPERATOR)).extracting(ConsentForm::kind).contains(FormKind.ADD, FormKind.NEW);
        assertThat(consent.queue(org.renkei.TestRegion.OPERATOR)).anySatisfy(f -> assertThat(f.lateOn(JapanTime.today(clock))).isTrue());

        new DemoRecords(records, fhir, attachments, transactions, facilities, staff, directory, clock).run(null);
        var yamada = directory.search(actor, "ヤマダ", LocalDate.of(1941, 3, 8)).get(0).id().value();
        var stored = records.search(actor, RecordQuery.of(yamada, Set.of())).records();
        assertThat(stored).extracting(StoredRecord::category)
                .contains(RecordCategory.LAB_RESULT, RecordCategory.REFERRAL_LETTER, RecordCategory.PRESCRIPTION,
                        RecordCategory.DISPENSING, RecordCategory.ALLERGY, RecordCategory.CARE_NOTE);
    }

    @Test
    @DisplayName("EMG-01 in the demo region a nurse of 緑ヶ丘総合病院 with a user card opens 山田 花子, who has not permitted that hospital, with the emergency button and sees her records")
    void demoNurseUsesTheEmergencyButton() throws Exception {
        var demo = new DemoRegion(facilities, staff, filings, accounts, hpki, network, selfRegistration, consent, clock,
                "Renkei-demo-2026!", Path.of("target", "demo-region-test-certificates"));
        transactions.executeWithoutResult(tx -> demo.run(null));
        new DemoRecords(records, fhir, attachments, transactions, facilities, staff, directory, clock).run(null);

        var hill = facilities.search("緑ヶ丘総合病院").get(0);
        StaffMember nurse = staff.ofFacility(hill.id()).stream()
                .filter(s -> s.profession() == Profession.NURSE).findFirst().orElseThrow();
        var yamada = directory.search(org.renkei.TestRegion.OPERATOR, "ヤマダ", LocalDate.of(1941, 3, 8)).stream()
                .filter(p -> !directory.links(org.renkei.TestRegion.OPERATOR, p.id()).containsKey(hill.id()))
                .findFirst().orElseThrow();
        var session = org.renkei.identity.TestCardLogins.userCard(mvc, context, nurse.id().value());

        mvc.perform(get("/staff").session(session)).andExpect(content().string(containsString("emergency-button")));
        mvc.perform(get("/participants/{id}/records", yamada.id()).session(session)).andExpect(status().isNotFound());
        mvc.perform(post("/emergency").param("reason", "FACILITY_NOT_PERMITTED").with(csrf()).session(session))
                .andExpect(redirectedUrl("/emergency/search"));
        mvc.perform(get("/emergency/search").param("name", "ヤマダ").param("birthDate", "1941-03-08").session(session))
                .andExpect(content().string(containsString("open-" + yamada.id())));
        mvc.perform(post("/emergency/open").param("participant", yamada.id().toString()).with(csrf()).session(session))
                .andExpect(redirectedUrl("/participants/" + yamada.id() + "/records"));
        mvc.perform(get("/participants/{id}/records", yamada.id()).session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"timeline\"")));
    }
}

package org.renkei.record.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
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
import org.renkei.identity.TestCardLogins;
import org.renkei.record.Attachments;
import org.renkei.record.FhirRecords;
import org.renkei.record.SharedRecords;
import org.renkei.record.StoredRecord;
import org.renkei.record.TestRecords;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

@RenkeiTest
class RecordPagesTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired SharedRecords records;
    @Autowired FhirRecords fhir;
    @Autowired Attachments attachments;
    @Autowired TransactionTemplate transactions;
    @Autowired ConsentDesk desk;
    @Autowired ParticipantDirectory directory;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired StaffRegistry staff;
    @Autowired JdbcClient jdbc;

    TestRecords store;
    Actor clinicDoctor;
    Actor hospitalNurse;
    MockHttpSession hospital;
    MockHttpSession elsewhere;
    Participant participant;
    UUID p;

    @BeforeEach
    void setUp() throws Exception {
        store = new TestRecords(records, fhir, attachments, transactions);
        var consent = new TestConsent(facilities, filings, staff, desk, directory);
        FacilityId clinic = consent.activeClinic("閲覧内科");
        FacilityId hospitalId = consent.activeHospital("閲覧病院");
        FacilityId other = consent.activeHospital("閲覧外病院");
        clinicDoctor = consent.doctorAt(clinic);
        hospitalNurse = consent.staffAt(hospitalId, Profession.NURSE, AuthLevel.USER_PKI_CARD);
        hospital = TestCardLogins.userCard(mvc, context, hospitalNurse.staffId());
        elsewhere = TestCardLogins.userCard(mvc, context,
                consent.staffAt(other, Profession.NURSE, AuthLevel.USER_PKI_CARD).staffId());
        participant = consent.join(TestConsent.patient(), clinic, clinic, hospitalId);
        p = participant.id().value();
    }

    private static byte[] png() throws Exception {
        var image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xcc0000);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    @DisplayName("DOC-06 records other facilities stored since the user last looked are marked new and counted; looking moves the mark")
    void newSinceLastLook() throws Exception {
        store.hba1c(p, "6.8", Instant.parse("2026-09-01T01:00:00Z"), clinicDoctor);
        store.referral(p, "診療情報提供書（糖尿病）", Instant.parse("2026-09-02T01:00:00Z"), clinicDoctor);
        store.hba1c(p, "6.1", Instant.parse("2026-09-03T01:00:00Z"), hospitalNurse);

        mvc.perform(get("/participants/{id}/records/summary", p).session(hospital))
                .andExpect(status().isOk()).andExpect(content().string(containsString("新着 2件")));
        mvc.perform(get("/participants/{id}/records", p).session(hospital)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("前回見た後に他の施設が登録した記録（新着）: 2件"),
                        containsString("閲覧内科"), containsString("診療情報提供書（糖尿病）"), containsString("写し"))));
        mvc.perform(get("/participants/{id}/records", p).session(hospital))
                .andExpect(content().string(containsString("（新着）: 0件")));
        assertThat(jdbc.sql("select count(*) from record_look where staff_id = :s and participant_id = :p")
                .param("s", hospitalNurse.staffId()).param("p", p).query(Long.class).single()).isEqualTo(1);

        store.hba1c(p, "7.0", Instant.parse("2026-09-04T01:00:00Z"), clinicDoctor);
        mvc.perform(get("/participants/{id}/records/summary", p).session(hospital))
                .andExpect(content().string(containsString("新着 1件")));
        mvc.perform(get("/participants/{id}/records", p).param("kind", "REFERRAL_LETTER").session(hospital))
                .andExpect(content().string(allOf(containsString("診療情報提供書（糖尿病）"), not(containsString("HbA1c")))));
    }

    @Test
    @DisplayName("DOC-06 a long timeline comes in pages of 100, newest first, with links to older and newer records")
    void timelineInPages() throws Exception {
        Instant first = Instant.parse("2026-01-01T01:00:00Z");
        for (int i = 0; i < RecordPages.TIMELINE_PAGE + 1; i++) {
            store.hba1c(p, "6." + (i % 10), first.plusSeconds(3600L * i), clinicDoctor);
        }
        String newest = mvc.perform(get("/participants/{id}/records", p).session(hospital))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(newest).contains("101件中 1–100件目").contains("id=\"older-page\"").doesNotContain("id=\"newer-page\"");
        assertThat(newest.split("data-record=").length - 1).isEqualTo(RecordPages.TIMELINE_PAGE);
        String older = mvc.perform(get("/participants/{id}/records", p).param("page", "1").session(hospital))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(older).contains("101件中 101–101件目").contains("id=\"newer-page\"")
                .doesNotContain("id=\"older-page\"").contains("2026-01-01 10:00");
        assertThat(older.split("data-record=").length - 1).isEqualTo(1);
    }

    @Test
    @DisplayName("CON-02 DOC-04 an unpermitted facility gets 404 on every viewer page and the content, as for a random id")
    void unpermittedIsNotFound() throws Exception {
        StoredRecord letter = store.referral(p, "紹介状", Instant.now(), clinicDoctor);
        UUID binary = store.png(p, png(), clinicDoctor);
        UUID random = UUID.randomUUID();
        for (String path : new String[] {"/participants/%s/records", "/participants/%s/records/labs",
                "/participants/%s/records/medications"}) {
            mvc.perform(get(path.formatted(p)).session(elsewhere)).andExpect(status().isNotFound());
            mvc.perform(get(path.formatted(random)).session(elsewhere)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/records/{id}", letter.id()).session(elsewhere)).andExpect(status().isNotFound());
        mvc.perform(get("/records/{id}", random).session(elsewhere)).andExpect(status().isNotFound());
        mvc.perform(get("/records/{id}/content", binary).session(elsewhere)).andExpect(status().isNotFound());
        mvc.perform(get("/records/{id}/content", random).session(elsewhere)).andExpect(status().isNotFound());
        mvc.perform(get("/participants/{id}/records/summary", p).session(elsewhere))
                .andExpect(content().string(not(containsString("紹介状"))));
        mvc.perform(post("/participants/{id}/records/print", p).with(csrf()).session(elsewhere)
                .param("record", letter.id().toString()).param("purpose", "CARE")).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("DOC-01 lab results as a table by test and date with H/L flags and an inline SVG trend")
    void labTable() throws Exception {
        store.hba1c(p, "5.9", Instant.parse("2026-06-01T01:00:00Z"), clinicDoctor);
        store.hba1c(p, "6.8", Instant.parse("2026-07-01T01:00:00Z"), clinicDoctor);
        store.hba1c(p, "7.2", Instant.parse("2026-08-01T01:00:00Z"), clinicDoctor);
        mvc.perform(get("/participants/{id}/records/labs", p).session(hospital)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("HbA1c(NGSP)"), containsString("2026-07-01"),
                        containsString("7.2"), containsString("flag-H"), containsString("<polyline"),
                        containsString("4.6–6.2"))));
    }

    @Test
    @DisplayName("DOC-01 a letter is shown with its sections and entries, its narrative cleaned of scripts and event attributes")
    void letter() throws Exception {
        StoredRecord letter = store.referral(p, "診療情報提供書", Instant.now(), clinicDoctor);
        mvc.perform(get("/records/{id}", letter.id()).session(hospital)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("血糖コントロール目的にご紹介します。"),
                        containsString("紹介目的"), containsString("２型糖尿病"), containsString("試験 医師"),
                        not(containsString("alert(")), not(containsString("onclick")))));
    }

    @Test
    @DisplayName("DOC-01 an attachment is streamed inline with its type, never sniffed, only to who may see it")
    void attachmentContent() throws Exception {
        byte[] png = png();
        UUID binary = store.png(p, png, clinicDoctor);
        MvcResult started = mvc.perform(get("/records/{id}/content", binary).session(hospital)).andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", "inline"))
                .andExpect(content().bytes(png));
    }

    @Test
    @DisplayName("DOC-01 a PDF attachment is shown inline in the record's page and streamed as application/pdf")
    void pdfShownInline() throws Exception {
        byte[] pdf = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        var attached = store.attach(p, pdf, "application/pdf", "退院時検査報告", clinicDoctor);
        mvc.perform(get("/records/{id}", attached.document()).session(hospital)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"attachment-pdf\""),
                        containsString("/records/" + attached.binary() + "/content"), containsString("退院時検査報告"))));
        MvcResult started = mvc.perform(get("/records/{id}/content", attached.binary()).session(hospital)).andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "inline"))
                .andExpect(content().bytes(pdf));
    }

    @Test
    @DisplayName("DOC-05 a print for a chosen purpose is recorded with who, where, which records and why")
    void printRecorded() throws Exception {
        StoredRecord letter = store.referral(p, "印刷する紹介状", Instant.now(), clinicDoctor);
        StoredRecord lab = store.hba1c(p, "6.5", Instant.now(), clinicDoctor);
        mvc.perform(post("/participants/{id}/records/print", p).with(csrf()).session(hospital)
                        .param("record", letter.id().toString()).param("record", lab.id().toString())
                        .param("purpose", "HAND_TO_PATIENT"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("印刷する紹介状"), containsString("患者・家族へ渡すため"),
                        containsString("血糖コントロール目的"))));
        var row = jdbc.sql("""
                select kind, purpose, staff_id, facility_id, cardinality(record_ids) as n, refused
                from record_release where participant_id = :p""").param("p", p).query().singleRow();
        assertThat(row.get("kind")).isEqualTo("PRINT");
        assertThat(row.get("purpose")).isEqualTo("HAND_TO_PATIENT");
        assertThat(row.get("staff_id")).isEqualTo(hospitalNurse.staffId());
        assertThat(row.get("facility_id")).isEqualTo(hospitalNurse.facilityId());
        assertThat(row.get("n")).isEqualTo(2);
        assertThat(row.get("refused")).isNull();

        mvc.perform(post("/participants/{id}/records/print", p).with(csrf()).session(hospital)
                .param("record", letter.id().toString())).andExpect(status().isBadRequest());
        mvc.perform(get("/participants/{id}/records", p).session(hospital))
                .andExpect(content().string(allOf(containsString("印刷・書き出しの記録"), containsString("患者・家族へ渡すため"))));
    }

    @Test
    @DisplayName("DOC-05 DOC-03 exporting unsigned copies to a file is refused with the reason, and the refusal is recorded")
    void exportRefused() throws Exception {
        StoredRecord letter = store.referral(p, "書き出す紹介状", Instant.now(), clinicDoctor);
        mvc.perform(post("/participants/{id}/records/export", p).with(csrf()).session(hospital)
                        .param("record", letter.id().toString()).param("purpose", "CARE"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("電子署名のない記録（写し）は、ファイルや外部媒体に書き出せません")));
        assertThat(jdbc.sql("select refused from record_release where participant_id = :p and kind = 'EXPORT'")
                .param("p", p).query(String.class).single()).isEqualTo(RecordReleases.UNSIGNED);
        mvc.perform(get("/participants/{id}/records", p).session(hospital))
                .andExpect(content().string(containsString("拒否: 電子署名のない写し")));
    }
}

package org.renkei.record.viewer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.renkei.RenkeiTest;
import org.renkei.browser.Browser;
import org.renkei.consent.ConsentDesk;
import org.renkei.consent.ParticipantDirectory;
import org.renkei.consent.TestConsent;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Actor;
import org.renkei.identity.DemoHpkiAuthority;
import org.renkei.record.Attachments;
import org.renkei.record.FhirRecords;
import org.renkei.record.SharedRecords;
import org.renkei.record.TestRecords;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordsBrowserTest {

    private static final String PASSWORD = "Renkei-demo-2026!";

    @LocalServerPort int port;
    @Autowired DemoHpkiAuthority hpki;
    @Autowired SharedRecords records;
    @Autowired FhirRecords fhir;
    @Autowired Attachments attachments;
    @Autowired TransactionTemplate transactions;
    @Autowired ConsentDesk desk;
    @Autowired ParticipantDirectory directory;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired StaffRegistry staff;

    private Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.startOrSkip();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private String origin() {
        return "https://localhost:" + port;
    }

    @Test
    @DisplayName("DOC-01 DOC-04 DOC-06 a hospital doctor (HPKI card) opens a participant and sees, marked new, the letter and the HbA1c trend a clinic stored")
    void doctorSeesClinicRecords() throws Exception {
        var consent = new TestConsent(facilities, filings, staff, desk, directory);
        FacilityId clinic = consent.activeClinic("ブラウザ糖尿病クリニック");
        FacilityId hospital = consent.activeHospital("ブラウザ市民病院");
        Actor clinicDoctor = consent.doctorAt(clinic);
        Actor hospitalDoctor = consent.doctorAt(hospital);
        var participant = consent.join(TestConsent.patient(), clinic, clinic, hospital);
        UUID p = participant.id().value();
        var store = new TestRecords(records, fhir, attachments, transactions);
        store.hba1c(p, "7.4", Instant.parse("2026-06-10T01:00:00Z"), clinicDoctor);
        store.hba1c(p, "6.9", Instant.parse("2026-07-10T01:00:00Z"), clinicDoctor);
        store.hba1c(p, "6.1", Instant.parse("2026-08-10T01:00:00Z"), clinicDoctor);
        store.referral(p, "診療情報提供書（ブラウザ市民病院 御侍史）", Instant.parse("2026-08-12T01:00:00Z"), clinicDoctor);
        store.png(p, png(), clinicDoctor);

        byte[] token = hpki.issueSoftToken(hospitalDoctor.staffId(), PASSWORD.toCharArray());
        Page page = browser.staffLogsInWithCard(origin(), token, PASSWORD);

        page.navigate("/participants/" + p);
        assertThat(page.locator("#records-new")).hasText("新着 5件");
        Browser.screenshot(page, "records-participant-summary");
        page.locator("#open-records").click();
        assertThat(page.locator("#new-count")).containsText("5件");
        assertThat(page.locator("#timeline")).containsText("ブラウザ糖尿病クリニック");
        assertThat(page.locator("#timeline .badge.new").first()).hasText("新着");
        Browser.screenshot(page, "records-timeline");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("診療情報提供書（ブラウザ市民病院 御侍史）")).click();
        assertThat(page.locator("article.letter")).containsText("血糖コントロール目的にご紹介します。");
        assertThat(page.locator("article.letter")).containsText("２型糖尿病");
        Browser.screenshot(page, "records-letter");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("検査結果").setExact(true)).click();
        assertThat(page.locator("#lab-table")).containsText("HbA1c(NGSP)");
        assertThat(page.locator("#lab-table svg.trend-chart polyline")).hasCount(1);
        assertThat(page.locator("#lab-table svg.trend-chart circle")).hasCount(3);
        assertThat(page.locator("#lab-table td.flag-H")).hasCount(2);
        Browser.screenshot(page, "records-lab-trend");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("時系列")).click();
        assertThat(page.locator("#new-count")).containsText("0件");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("心電図")).click();
        assertThat(page.locator("#attachment-image")).isVisible();
        // visible is not yet loaded: wait until the browser has decoded the image, then ask its width
        Object width = page.locator("#attachment-image").evaluate("img => img.decode().then(() => img.naturalWidth)");
        org.assertj.core.api.Assertions.assertThat(((Number) width).intValue()).isEqualTo(40);
        Browser.screenshot(page, "records-attachment");
    }

    private static byte[] png() throws Exception {
        var image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            image.setRGB(x, 10 + (int) (5 * Math.sin(x / 3.0)), 0xcc0000);
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

package org.renkei.emergency;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.renkei.RenkeiTest;
import org.renkei.browser.Browser;
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
import org.renkei.record.TestRecords;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmergencyBrowserTest {

    @LocalServerPort int port;
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
    @DisplayName("EMG-01 EMG-02 EMG-04 a hospital nurse with a user card opens a participant who never permitted the hospital through the emergency button and sees their records; the operator finds it in the review queue and confirms it")
    void nurseOpensUnpermittedParticipant() {
        var consent = new TestConsent(facilities, filings, staff, desk, directory);
        String suffix = TestConsent.uniqueKana();
        FacilityId clinic = consent.activeClinic("救急ブラウザ内科 " + suffix);
        String hospitalName = "救急ブラウザ病院 " + suffix;
        FacilityId hospital = consent.activeHospital(hospitalName);
        Actor clinicDoctor = consent.doctorAt(clinic);
        Actor nurse = consent.staffAt(hospital, Profession.NURSE, AuthLevel.USER_PKI_CARD);
        Participant patient = consent.join(TestConsent.patient(), clinic, clinic);
        UUID p = patient.id().value();
        new TestRecords(records, fhir, attachments, transactions)
                .referral(p, "診療情報提供書（救急外来 御侍史）", Instant.parse("2026-09-01T01:00:00Z"), clinicDoctor);

        byte[] token = TestCardLogins.userCardToken(context, nurse.staffId());
        Page page = browser.staffLogsInWithCard(origin(), token, TestCardLogins.TOKEN_PASSWORD);
        Browser.click(page, "緊急時ボタン");
        assertThat(page.locator("h1")).hasText("緊急時アクセス");
        Browser.click(page, "緊急時アクセスを開始する");
        assertThat(page.locator("#emergency-error")).hasText("緊急時アクセスの理由を選んでください。");
        page.locator("#reason-UNCONSCIOUS").check();
        Browser.screenshot(page, "emergency-reason");
        Browser.click(page, "緊急時アクセスを開始する");

        assertThat(page.locator("h1")).hasText("緊急時の参加者検索");
        Browser.fill(page, "氏名（漢字またはカタカナ）", patient.details().familyNameKana());
        Browser.fill(page, "生年月日", "1950-04-01");
        page.locator("#sex").selectOption("FEMALE");
        Browser.click(page, "検索");
        assertThat(page.locator("#emergency-found")).containsText(patient.details().fullNameKana());
        Browser.screenshot(page, "emergency-search");
        page.locator("#open-" + p).click();

        assertThat(page.locator("#timeline")).containsText("診療情報提供書（救急外来 御侍史）");
        assertThat(page.locator("#timeline")).containsText("救急ブラウザ内科");
        Browser.screenshot(page, "emergency-records");

        Page operator = browser.operatorLogsIn(origin());
        operator.navigate("/operator/emergency");
        assertThat(operator.locator("h1")).hasText("緊急時アクセスの確認");
        var item = operator.locator(".review-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(hospitalName));
        assertThat(item).containsText("意識がない状態で救急搬送");
        assertThat(item).containsText(patient.details().fullName());
        Browser.screenshot(operator, "emergency-review");
        item.locator("button.confirm").click();
        var reviewed = operator.locator("#reviewed tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(hospitalName));
        assertThat(reviewed).containsText(patient.details().fullName());
        assertThat(reviewed).containsText("確認済み");
    }
}

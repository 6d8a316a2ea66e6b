package org.renkei.consent;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.renkei.browser.Browser.click;
import static org.renkei.browser.Browser.fill;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.renkei.RenkeiTest;
import org.renkei.browser.Browser;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.Profession;
import org.renkei.identity.TestCardLogins;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentBrowserTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
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

    /** A staff member of the facility logs in with a network user card in the reader. */
    private Page staffLogsIn(FacilityId facility, Profession profession) {
        var member = new TestConsent(facilities, filings, staff, desk, directory)
                .staffAt(facility, profession, AuthLevel.USER_PKI_CARD);
        byte[] token = TestCardLogins.userCardToken(context, member.staffId());
        return browser.staffLogsInWithCard(origin(), token, TestCardLogins.TOKEN_PASSWORD);
    }

    private Page operatorLogsIn() {
        return browser.operatorLogsIn(origin());
    }

    @Test
    @DisplayName("PAR-01 PAR-02 CON-02 a form entered at a clinic and registered by the operator makes the participant visible at that clinic and not at another")
    void formToVisibility() {
        var consent = new TestConsent(facilities, filings, staff, desk, directory);
        FacilityId clinic = consent.activeClinic("ブラウザ内科クリニック");
        FacilityId other = consent.activeClinic("ブラウザ外科医院");
        String kana = TestConsent.uniqueKana();
        String number = TestConsent.patientNumber();

        Page reception = staffLogsIn(clinic, Profession.CLERK);
        reception.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("同意書の受付")).click();
        reception.locator("#new-form").click();
        assertThat(reception.locator("h1")).hasText("同意書等の入力");
        fill(reception, "説明した職員", "説明 次郎");
        fill(reception, "氏", "熊本");
        fill(reception, "名", "花子");
        fill(reception, "氏（カナ）", kana);
        fill(reception, "名（カナ）", "ハナコ");
        fill(reception, "生年月日", "1948-06-15");
        reception.getByLabel("性別").selectOption("FEMALE");
        fill(reception, "電話番号", "096-111-2222");
        reception.locator("#listedFacility-0").selectOption(clinic.toString());
        reception.locator("#listedNumber-0").fill(number);
        fill(reception, "署名者の氏名", "熊本 花子");
        Browser.screenshot(reception, "consent-form-entry");
        click(reception, "入力して登録待ちにする");
        assertThat(reception.locator("h1")).hasText("入力した同意書等");
        assertThat(reception.locator("#form-details")).containsText("登録待ち");

        Page operator = operatorLogsIn();
        operator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("参加者・同意書")).click();
        assertThat(operator.locator("h1")).hasText("同意書等の登録待ち");
        operator.locator("#form-table tr", new Page.LocatorOptions().setHasText(kana))
                .getByRole(AriaRole.LINK).click();
        assertThat(operator.locator("#form-details")).containsText(kana);
        Browser.screenshot(operator, "consent-form-review");
        click(operator, "登録する");
        assertThat(operator.locator("#registered-note")).hasText("登録しました。");
        assertThat(operator.locator("#participant-facilities")).containsText(number);
        Browser.screenshot(operator, "consent-participant");

        reception.navigate("/participants");
        fill(reception, "当施設の診察券番号", number);
        reception.locator("#find-by-number").click();
        assertThat(reception.locator("#found")).containsText("熊本 花子");
        reception.locator("#found a").first().click();
        assertThat(reception.locator("#own-number")).hasText(number);
        Browser.screenshot(reception, "consent-participant-found");

        Page elsewhere = staffLogsIn(other, Profession.NURSE);
        elsewhere.navigate("/participants");
        fill(elsewhere, "氏名（漢字またはカナ）", kana);
        fill(elsewhere, "生年月日", "1948-06-15");
        elsewhere.locator("#find-by-name").click();
        assertThat(elsewhere.locator("#found")).containsText("該当する参加者はいません");
    }
}

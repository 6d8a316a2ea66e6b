package org.renkei.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.renkei.RenkeiTest;
import org.renkei.browser.Browser;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardLoginBrowserTest {

    private static final String PASSWORD = "Renkei-demo-2026!";

    @LocalServerPort int port;
    @Autowired DemoHpkiAuthority authority;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired StaffRegistry registry;

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

    private static void pressCardLogin(Page page) {
        page.navigate("/login");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ICカードでログイン")).click();
    }

    @Test
    @DisplayName("USR-02 a doctor with an HPKI card in the reader presses 「ICカードでログイン」 and sees the staff start page")
    void doctorLogsInWithCard() {
        UUID doctor = new TestStaff(facilities, filings, registry).active(Profession.DOCTOR, "画面");
        byte[] token = authority.issueSoftToken(doctor, PASSWORD.toCharArray());
        Page page = browser.page(origin(), List.of(Browser.card(origin(), token, PASSWORD)));

        pressCardLogin(page);

        assertThat(page.locator("h1")).hasText("利用者メニュー");
        assertThat(page.locator("#staff-name")).hasText("画面 一郎");
        assertThat(page.locator("#staff-profession")).hasText("医師");
        assertThat(page.locator("#staff-auth-level")).hasText("HPKIカード（医師資格証・薬剤師資格証）");
        assertThat(page.locator("#staff-may-sign")).hasText("できます（HPKIカード）");
        assertThat(page.locator("#staff-card")).containsText("Renkei DEMO HPKI Test CA");
        Browser.screenshot(page, "card-login-staff-start");
    }

    @Test
    @DisplayName("USR-02 a card registered to nobody is refused on the login page with the reason in Japanese")
    void unregisteredCardIsRefused() {
        TestCards.Card card = TestCards.trustedHpkiCa().card().issue();
        Page page = browser.page(origin(), List.of(Browser.card(origin(), card.pkcs12(),
                new String(TestCards.PASSWORD))));

        pressCardLogin(page);

        assertThat(page.locator("#card-refusal")).containsText("このカードはネットワークの利用者に登録されていません");
        assertThat(page.locator("main")).containsText("理由コード: unknown-certificate");
        Browser.screenshot(page, "card-login-refused");
    }
}

package org.renkei.facility;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.renkei.TestRegion.OPERATOR;
import static org.renkei.TestRegion.today;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.renkei.RenkeiTest;
import org.renkei.TestLogins;
import org.renkei.TestRegion;
import org.renkei.browser.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacilityApplicationBrowserTest {

    @LocalServerPort int port;
    @Autowired FacilityRegistry registry;

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

    @Test
    @DisplayName("FAC-02 FAC-07 the operator logs in, accepts a pending facility application, and the facility is listed as active")
    void operatorAcceptsAnApplication() {
        String name = "ブラウザ試験クリニック " + System.nanoTime() % 100000;
        String code = TestRegion.medicalCode(FacilityKind.CLINIC);
        registry.applyToJoin(FacilityKind.CLINIC, code, TestRegion.details(name), today().minusDays(30), today(),
                OPERATOR);
        Page page = browser.page("https://localhost:" + port);

        page.navigate("/login");
        page.getByLabel("ID").fill("operator");
        page.getByLabel("パスワード").fill(TestLogins.OPERATOR_PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("ログイン").setExact(true)).click();
        page.getByLabel("確認コード（6桁）").fill(TestLogins.freshCode(TestLogins.OPERATOR,
                TestLogins.OPERATOR_TOTP_SECRET));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("確認")).click();
        assertThat(page.locator("h1")).hasText("運営者ダッシュボード");

        page.navigate("/operator/filings");
        Locator row = page.locator("#filings-pending tr").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("施設 新規利用届");
        row.getByRole(com.microsoft.playwright.options.AriaRole.LINK).first().click();

        assertThat(page.locator("#filing-status")).hasText("審査待ち");
        page.locator("#accept").click();
        assertThat(page.locator("#filing-status")).hasText("効力発生済");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("届出を承認しました");

        page.navigate("/public/facilities");
        Locator listed = page.locator("#public-facilities tr[data-code='" + code + "']");
        assertThat(listed).containsText(name);
        assertThat(listed).containsText("利用中");
        assertThat(listed).containsText(today().toString());
        Browser.screenshot(page, "facility-accepted-public-list");
    }
}

package org.renkei.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.renkei.TestRegion.OPERATOR;
import static org.renkei.TestRegion.today;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.renkei.RenkeiTest;
import org.renkei.TestLogins;
import org.renkei.TestRegion;
import org.renkei.browser.Browser;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityKind;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.staff.NewStaff;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@RenkeiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordLoginBrowserTest {

    @LocalServerPort int port;
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

    private static void click(Page page, String button) {
        Browser.click(page, button);
    }

    private static void fill(Page page, String label, String value) {
        Browser.fill(page, label, value);
    }

    /** The test operator logs in: ID and password, then the authenticator's code. */
    private Page operatorLogsIn() {
        return browser.operatorLogsIn("https://localhost:" + port);
    }

    @Test
    @DisplayName("USR-05 ACC-01 the operator logs in with the password and the authenticator's code; the password alone opens nothing")
    void operatorLogsInWithTwoFactors() {
        Page alone = browser.page("https://localhost:" + port);
        alone.navigate("/login");
        fill(alone, "ID", TestLogins.OPERATOR);
        fill(alone, "パスワード", TestLogins.OPERATOR_PASSWORD);
        click(alone, "ログイン");
        assertThat(alone.locator("h1")).hasText("二要素認証");
        assertThat(alone.locator("#code")).isVisible();
        Browser.screenshot(alone, "login-second-factor");
        alone.navigate("/operator/facilities");
        assertThat(alone).hasURL(java.util.regex.Pattern.compile(".*/login/second-factor$"));
        alone.context().close();

        Page page = operatorLogsIn();
        page.navigate("/operator/accounts");
        assertThat(page.locator("h1")).hasText("アカウント");
        assertThat(page.locator("#accounts tr[data-username='operator']")).containsText("運営者");
        page.navigate("/account");
        assertThat(page.locator("#account-second-factor")).containsText("登録済み");
        Browser.screenshot(page, "operator-account");
        page.context().close();
    }

    @Test
    @DisplayName("USR-04 the support centre issues a temporary account; at its first login the user enrols an authenticator from the page and sets an own password")
    void temporaryAccountFirstLogin() {
        FacilityId facility = TestRegion.active(facilities, filings, FacilityKind.CLINIC, "ブラウザ臨時医院");
        StaffId user = staff.applyToAdd(facility, new NewStaff("臨時", "一郎", "リンジ", "イチロウ",
                Profession.CLERK, null), today().minusDays(15), today(), OPERATOR);
        filings.accept(filings.ofStaff(user.value()).get(0).id(), OPERATOR);

        Page operator = operatorLogsIn();
        operator.navigate("/operator/staff/" + user);
        operator.locator("#temporary-account").click();
        assertThat(operator.locator("h1")).hasText("臨時アカウントの発行");
        fill(operator, "発行の理由", "利用者カードを自宅に忘れた");
        click(operator, "発行");
        assertThat(operator.getByRole(AriaRole.STATUS)).containsText("臨時アカウントを発行しました");
        String username = operator.locator("#issued-username").textContent();
        String initial = operator.locator("#issued-password").textContent();
        assertThat(operator.locator("#account-reason")).hasText("利用者カードを自宅に忘れた");
        Browser.screenshot(operator, "temporary-account-issued");
        operator.context().close();

        Page page = browser.page("https://localhost:" + port);
        page.navigate("/login");
        fill(page, "ID", username);
        fill(page, "パスワード", initial);
        click(page, "ログイン");
        assertThat(page.locator(".warn")).containsText("二要素認証が必須です");
        assertThat(page.locator("#totp-qr")).isVisible();
        assertThat(page.locator("#totp-uri")).containsText("otpauth://totp/Renkei:" + username);
        Browser.screenshot(page, "second-factor-enrolment");
        String secret = page.locator("#totp-secret").textContent().replace(" ", "");
        fill(page, "確認コード（6桁）", TestLogins.freshCode(username, secret));
        click(page, "登録");

        assertThat(page.locator("h1")).hasText("パスワードの変更");
        assertThat(page.locator("#password-forced")).containsText("初期パスワードのまま");
        fill(page, "現在のパスワード", initial);
        fill(page, "新しいパスワード", "Browser-temp-1!");
        fill(page, "新しいパスワード（確認）", "Browser-temp-1!");
        click(page, "変更");

        assertThat(page.locator("h1")).hasText("利用者メニュー");
        page.locator("#staff-account").click();
        assertThat(page.locator("h1")).hasText("アカウント");
        assertThat(page.locator("#account-username")).hasText(username);
        assertThat(page.locator("#account-auth-level")).hasText("臨時アカウント（ID・パスワード）");
        assertThat(page.locator("#account-valid-until")).containsText(today().plusDays(30).toString());
        Browser.screenshot(page, "temporary-account-ready");
        assertThat(username).startsWith("tmp-");
        page.context().close();
    }
}

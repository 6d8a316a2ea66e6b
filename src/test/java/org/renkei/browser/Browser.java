package org.renkei.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ClientCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for the browser tests, driven by Playwright. Uses the system's Chromium (Debian package
 * {@code chromium}, or the path in {@code RENKEI_CHROMIUM}); never downloads a browser. Without Chromium the
 * tests are skipped with a loud message — CI refuses such a skip.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    /** Starts Chromium, or skips the calling test when the machine has none. */
    public static Browser startOrSkip() {
        Path executable = Path.of(System.getenv().getOrDefault("RENKEI_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            String message = "BROWSER TESTS SKIPPED: no Chromium at " + executable
                    + " — install Debian's package: apt-get install chromium fonts-noto-cjk";
            System.err.println("\n" + "!".repeat(message.length()) + "\n" + message + "\n"
                    + "!".repeat(message.length()) + "\n");
            Assumptions.abort(message);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        var chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        return new Browser(playwright, chromium);
    }

    /**
     * A fresh page (own cookies) on the server at {@code baseUrl}, Japanese locale, Japan's time zone. The test
     * server's certificate is self-signed, so certificate errors are ignored.
     */
    public Page page(String baseUrl) {
        return page(baseUrl, List.of());
    }

    /** As {@link #page(String)}, with client certificates the browser presents (an IC card in the reader). */
    public Page page(String baseUrl, List<ClientCertificate> certificates) {
        var options = new NewContextOptions()
                .setBaseURL(baseUrl)
                .setLocale("ja-JP")
                .setTimezoneId("Asia/Tokyo")
                .setViewportSize(1280, 900)
                .setIgnoreHTTPSErrors(true);
        if (!certificates.isEmpty()) {
            options.setClientCertificates(certificates);
        }
        BrowserContext context = chromium.newContext(options);
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /** A PKCS#12 client certificate presented to {@code origin} (for example {@code https://localhost:8443}). */
    public static ClientCertificate card(String origin, byte[] pkcs12, String passphrase) {
        return new ClientCertificate(origin).setPfx(pkcs12).setPassphrase(passphrase);
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }

    /** The test operator logs in with ID, password and the authenticator's code, and lands on the dashboard. */
    public Page operatorLogsIn(String origin) {
        Page page = page(origin);
        page.navigate("/login");
        fill(page, "ID", org.renkei.TestLogins.OPERATOR);
        fill(page, "パスワード", org.renkei.TestLogins.OPERATOR_PASSWORD);
        click(page, "ログイン");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1")).hasText("二要素認証");
        fill(page, "確認コード（6桁）",
                org.renkei.TestLogins.freshCode(org.renkei.TestLogins.OPERATOR, org.renkei.TestLogins.OPERATOR_TOTP_SECRET));
        click(page, "確認");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1")).hasText("運営者ダッシュボード");
        return page;
    }

    /**
     * A staff member with this card (PKCS#12) in the reader presses 「ICカードでログイン」 and lands on the user
     * menu.
     */
    public Page staffLogsInWithCard(String origin, byte[] pkcs12, String passphrase) {
        Page page = page(origin, java.util.List.of(card(origin, pkcs12, passphrase)));
        page.navigate("/login");
        click(page, "ICカードでログイン");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1")).hasText("利用者メニュー");
        return page;
    }

    /** Types into the field with exactly this label. */
    public static void fill(Page page, String label, String value) {
        page.getByLabel(label, new Page.GetByLabelOptions().setExact(true)).fill(value);
    }

    /** Presses the button with exactly this name. */
    public static void click(Page page, String name) {
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }
}

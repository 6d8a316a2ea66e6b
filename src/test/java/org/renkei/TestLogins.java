package org.renkei;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Logging in as the tests' people through the real login: the form, then the second factor with a code computed
 * here with java-otp from the known secret.
 *
 * <p>The server takes each code once only (replay protection), so logging in the same account again within its
 * 30 seconds needs the next code. {@link #freshCode} never hands out a step twice in this JVM (the one test JVM
 * has its own fresh database), using the next step's code (accepted one step early) or waiting for it. To keep
 * the suite fast, the test operator's session is logged in once and shared ({@link #operator(MockMvc)}, {@link
 * #operatorRequest}); a test that needs a session of its own logs in an account of its own.
 */
public final class TestLogins {

    public static final String OPERATOR = "operator";
    public static final String OPERATOR_PASSWORD = "Test-operator-1!";
    /** {@code renkei.operator.initial-totp-secret} of the test profile. */
    public static final String OPERATOR_TOTP_SECRET = "L7MOEL52CLK62HYJU4JLIHTFT6ILJV4O";

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator(STEP, 6,
            TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private static final Map<String, Long> lastStep = new HashMap<>();
    private static MockHttpSession operatorSession;
    private static final Map<String, String> operatorCookies = new HashMap<>();

    private TestLogins() {
    }

    /** The code of a Base32 secret for the step the instant falls in. */
    public static String code(String secret, Instant at) {
        try {
            return TOTP.generateOneTimePasswordString(new SecretKeySpec(bytes(secret), "HmacSHA1"), at);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A code of this account that this JVM has not sent yet (see the class comment). */
    public static synchronized String freshCode(String username, String secret) {
        while (true) {
            long now = Instant.now().getEpochSecond() / STEP.getSeconds();
            long last = lastStep.getOrDefault(username, Long.MIN_VALUE);
            long step = last < now ? now : last < now + 1 ? now + 1 : -1;
            if (step >= 0) {
                lastStep.put(username, step);
                return code(secret, Instant.ofEpochSecond(step * STEP.getSeconds()));
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Tells {@link #freshCode} that a test sent this step's code itself. */
    public static synchronized void used(String username, Instant at) {
        long step = at.getEpochSecond() / STEP.getSeconds();
        lastStep.merge(username, step, Math::max);
    }

    /** The shared session of the test operator, logged in with password and code (again if it ended). */
    public static synchronized MockHttpSession operator(MockMvc mvc) throws Exception {
        if (operatorSession == null || operatorSession.isInvalid() || !"/operator".equals(
                mvc.perform(get("/console").session(operatorSession)).andReturn().getResponse().getRedirectedUrl())) {
            operatorSession = login(mvc, OPERATOR, OPERATOR_PASSWORD, OPERATOR_TOTP_SECRET);
        }
        return operatorSession;
    }

    /** A password login that needs no further step: lands on the console. */
    public static MockHttpSession login(MockMvc mvc, String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(redirectedUrl("/console")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** A password login followed by the second factor. */
    public static MockHttpSession login(MockMvc mvc, String username, String password, String totpSecret)
            throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(redirectedUrl("/login/second-factor")).andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        mvc.perform(post("/login/second-factor").param("code", freshCode(username, totpSecret)).with(csrf())
                        .session(session))
                .andExpect(redirectedUrl("/console"));
        return session;
    }

    /**
     * The first login of an account whose initial password was handed over and which needs a second factor (a
     * temporary account): enrols an authenticator with the key shown on the page, then sets the new password.
     * Returns the Base32 key, for the account's next logins.
     */
    public static String firstLogin(MockMvc mvc, String username, String initialPassword, String newPassword)
            throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(initialPassword))
                .andExpect(redirectedUrl("/login/second-factor")).andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        String secret = secretOn(mvc.perform(get("/login/second-factor").session(session)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        mvc.perform(post("/login/second-factor/enrol").param("code", freshCode(username, secret)).with(csrf())
                        .session(session))
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").param("current", initialPassword).param("password", newPassword)
                        .param("confirmation", newPassword).with(csrf()).session(session))
                .andExpect(redirectedUrl("/console"));
        return secret;
    }

    /** The Base32 key an enrolment page shows. */
    public static String secretOn(String page) {
        Matcher m = SECRET.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no key on the page");
        }
        return m.group(1).replace(" ", "");
    }

    /**
     * A request entity carrying the shared session cookie of the test operator, logged in over real HTTP on the
     * server at {@code rootUri} (for {@code TestRestTemplate}: the FHIR endpoint is not reached by MockMvc).
     */
    public static synchronized HttpEntity<Void> operatorRequest(String rootUri) {
        String cookie = operatorCookies.get(rootUri);
        if (cookie == null || !stillOperator(rootUri, cookie)) {
            cookie = httpLogin(rootUri, OPERATOR, OPERATOR_PASSWORD, OPERATOR_TOTP_SECRET);
            operatorCookies.put(rootUri, cookie);
        }
        var headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        return new HttpEntity<>(headers);
    }

    /** Logs in through the real form and second factor over HTTP; returns the session cookie. */
    public static String httpLogin(String rootUri, String username, String password, String totpSecret) {
        var cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .sslContext(TestHttps.sslContext(null, null))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            String token = csrfToken(client.send(HttpRequest.newBuilder(URI.create(rootUri + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            var afterPassword = client.send(form(rootUri + "/login",
                    Map.of("username", username, "password", password, "_csrf", token)),
                    HttpResponse.BodyHandlers.discarding());
            require(afterPassword, "/login/second-factor");
            token = csrfToken(client.send(HttpRequest.newBuilder(URI.create(rootUri + "/login/second-factor")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            var afterCode = client.send(form(rootUri + "/login/second-factor",
                    Map.of("code", freshCode(username, totpSecret), "_csrf", token)),
                    HttpResponse.BodyHandlers.discarding());
            require(afterCode, "/console");
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .findFirst().map(HttpCookie::toString).orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean stillOperator(String rootUri, String cookie) {
        try {
            var response = TestHttps.client(null, null).send(HttpRequest.newBuilder(URI.create(rootUri + "/console"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 302
                    && response.headers().firstValue("Location").orElse("").endsWith("/operator");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpRequest form(String uri, Map<String, String> fields) {
        var body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private static void require(HttpResponse<?> response, String location) {
        String to = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || !to.endsWith(location)) {
            throw new IllegalStateException("login step went to " + response.statusCode() + " " + to
                    + ", not " + location);
        }
    }

    private static String csrfToken(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    private static byte[] bytes(String base32) {
        String clean = base32.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        return Base32.decode(clean + "=".repeat((clean.length() + 7) / 8 * 8 - clean.length()));
    }
}

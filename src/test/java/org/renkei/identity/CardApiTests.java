package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestHttps;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.ResponseEntity;

/** Card login over real TLS: the client certificate travels in the handshake, as from a card reader. */
@RenkeiTest
class CardApiTests {

    @LocalServerPort int port;
    @Autowired FacilityRegistry facilities;
    @Autowired FilingDesk filings;
    @Autowired StaffRegistry registry;
    @Autowired CardCertificates cards;
    @Autowired FhirContext fhir;
    @Autowired ServletWebServerApplicationContext server;

    TestStaff staff;

    @BeforeEach
    void setUp() {
        staff = new TestStaff(facilities, filings, registry);
    }

    private TestCards.Card registeredDoctorCard() {
        UUID doctor = staff.active(Profession.DOCTOR, "API");
        TestCards.Card card = TestCards.trustedHpkiCa().card().issue();
        cards.register(doctor, AuthLevel.HPKI_CARD, card.certificate(), "test", Instant.now());
        return card;
    }

    @Test
    @DisplayName("USR-02 INT-01 an API client with a registered HPKI card reads FHIR over TLS on every request, without a session")
    void apiWithCard() {
        TestCards.Card card = registeredDoctorCard();
        var http = TestHttps.template(port, card.keyStore(), TestCards.PASSWORD);

        for (int i = 0; i < 2; i++) {
            ResponseEntity<String> response = http.getForEntity("/fhir/Organization", String.class);
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
            assertThat(fhir.newJsonParser().parseResource(Bundle.class, response.getBody())).isNotNull();
            assertThat(response.getHeaders().get("Set-Cookie")).isNull();
        }
    }

    @Test
    @DisplayName("USR-02 an API client with a refused card gets 401 naming the reason: a FHIR OperationOutcome on /fhir")
    void apiWithRefusedCard() {
        TestCards.Card untrusted = TestCards.untrustedCa().card().issue();
        var http = TestHttps.template(port, untrusted.keyStore(), TestCards.PASSWORD);

        ResponseEntity<String> fhirAnswer = http.getForEntity("/fhir/Organization", String.class);
        assertThat(fhirAnswer.getStatusCode().value()).isEqualTo(401);
        assertThat(fhirAnswer.getHeaders().getFirst(CardLogin.REFUSAL_HEADER)).isEqualTo("untrusted-issuer");
        OperationOutcome outcome = fhir.newJsonParser().parseResource(OperationOutcome.class, fhirAnswer.getBody());
        var issue = outcome.getIssueFirstRep();
        assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);
        assertThat(issue.getDetails().getCodingFirstRep().getSystem()).isEqualTo(CardLogin.REFUSAL_SYSTEM);
        assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("untrusted-issuer");
        assertThat(issue.getDetails().getText()).contains("信頼する認証局");

        ResponseEntity<String> apiAnswer = http.getForEntity("/api/anything", String.class);
        assertThat(apiAnswer.getStatusCode().value()).isEqualTo(401);
        assertThat(apiAnswer.getHeaders().getFirst(CardLogin.REFUSAL_HEADER)).isEqualTo("untrusted-issuer");

        var unregistered = TestHttps.template(port, TestCards.trustedHpkiCa().card().issue().keyStore(),
                TestCards.PASSWORD);
        ResponseEntity<String> unknown = unregistered.getForEntity("/fhir/Organization", String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(401);
        assertThat(unknown.getHeaders().getFirst(CardLogin.REFUSAL_HEADER)).isEqualTo("unknown-certificate");

        // without a card: 401, and no session made for the refused request
        ResponseEntity<String> anonymous = TestHttps.template(port).getForEntity("/fhir/Organization", String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().get("Set-Cookie")).isNull();
    }

    @Test
    @DisplayName("USR-02 ACC-01 a doctor presses the card login over TLS: a new session that ends after 15 idle minutes")
    void browserLoginOverTls() throws Exception {
        TestCards.Card card = registeredDoctorCard();
        HttpClient client = HttpClient.newBuilder()
                .sslContext(TestHttps.sslContext(card.keyStore(), TestCards.PASSWORD))
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> loginPage = client.send(HttpRequest.newBuilder(URI.create(TestHttps.url(port, "/login")))
                .build(), HttpResponse.BodyHandlers.ofString());
        var token = Pattern.compile("action=\"/login/card\"[^>]*><input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(loginPage.body());
        assertThat(token.find()).as(loginPage.body()).isTrue();

        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(TestHttps.url(port, "/login/card")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
        String sessionCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(sessionCookie).contains("Secure").contains("HttpOnly");

        HttpResponse<String> start = client.send(HttpRequest.newBuilder(URI.create(TestHttps.url(port, "/staff")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.body()).contains("API 一郎").contains("HPKIカード");

        String id = sessionCookie.substring("JSESSIONID=".length(), sessionCookie.indexOf(';'));
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session session = context.getManager().findSession(id);
        assertThat(session.getMaxInactiveInterval()).isEqualTo(15 * 60);
    }

    @Test
    @DisplayName("USR-07 a card whose registration is revoked between two API requests is refused at the next one, whichever path it takes: a record read, a search, a listing")
    void revokedBetweenRequests() {
        for (String path : List.of("/fhir/Observation/" + UUID.randomUUID(), "/fhir/Observation?patient=Patient/"
                + UUID.randomUUID(), "/fhir/Organization")) {
            UUID doctor = staff.active(Profession.DOCTOR, "API");
            TestCards.Card card = TestCards.trustedHpkiCa().card().issue();
            CardCertificate registration = cards.register(doctor, AuthLevel.HPKI_CARD, card.certificate(), "test",
                    Instant.now());
            var http = TestHttps.template(port, card.keyStore(), TestCards.PASSWORD);
            for (int i = 0; i < 2; i++) { // the card's checks remembered, at the standing this node read last
                assertThat(http.getForEntity("/fhir/Organization", String.class).getStatusCode().value())
                        .isEqualTo(200);
            }

            cards.revoke(registration.id(), "lost", Instant.now());

            ResponseEntity<String> next = http.getForEntity(path, String.class);
            assertThat(next.getStatusCode().value()).as(path + ": " + next.getBody()).isEqualTo(401);
            assertThat(next.getHeaders().getFirst(CardLogin.REFUSAL_HEADER)).as(path)
                    .isEqualTo("registration-revoked");
            assertThat(String.valueOf(next.getBody())).as(path).doesNotContain("\"Bundle\"");
        }
    }
}

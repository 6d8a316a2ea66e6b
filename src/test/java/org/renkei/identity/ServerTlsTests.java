package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestHttps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

@RenkeiTest
class ServerTlsTests {

    @LocalServerPort int port;
    @Autowired ServerTls tls;
    @Autowired ServletWebServerApplicationContext web;

    @Test
    @DisplayName("USR-02 the server speaks HTTPS with the self-signed certificate it made for localhost")
    void selfSigned() throws Exception {
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(TestHttps.SERVER_CERTIFICATE)) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(certificate.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))))
                .contains("localhost", "127.0.0.1");
        assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant())
                .toDays()).isBetween(700L, 740L);
        assertThat(Files.exists(TestHttps.SERVER_CERTIFICATE.resolveSibling(ServerTls.KEYSTORE))).isTrue();

        var health = TestHttps.template(port).getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).contains("UP");

        HttpClient trustsNothing = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> trustsNothing.send(
                HttpRequest.newBuilder(URI.create(TestHttps.url(port, "/actuator/health"))).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    @DisplayName("USR-02 plain HTTP only redirects to HTTPS, except the health check")
    void httpRedirects() throws Exception {
        assertThat(tls.httpPort()).isPositive();
        HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> login = plain.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + tls.httpPort() + "/login?lang=en")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).contains("https://localhost:" + port + "/login?lang=en");

        for (String path : List.of("/actuator/health", "/actuator/health/liveness")) {
            HttpResponse<String> health = plain.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + tls.httpPort() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(path).isIn(200, 404);
            assertThat(health.headers().firstValue("Location")).as(path).isEmpty();
        }
    }

    @Test
    @DisplayName("USR-02 the TLS layer lets any client certificate through; the application decides")
    void anyClientCertificate() {
        TestCards.Card untrusted = TestCards.untrustedCa().card().issue();
        var response = TestHttps.template(port, untrusted.keyStore(), TestCards.PASSWORD)
                .getForEntity("/login", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("ICカードでログイン");
    }

    @Test
    @DisplayName("USR-02 the HTTPS connector works out a connection's TLS details once per connection")
    void tlsDetailsPerConnection() {
        var tomcat = (TomcatWebServer) web.getWebServer();
        var https = java.util.Arrays.stream(tomcat.getTomcat().getService().findConnectors())
                .filter(connector -> connector.getLocalPort() == port).findFirst().orElseThrow();
        assertThat(https.getProperty("sslImplementationName")).isEqualTo(ConnectionTlsDetails.class.getName());
    }
}

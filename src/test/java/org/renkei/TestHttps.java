package org.renkei;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * HTTPS clients for tests that talk to the running server: they trust the self-signed certificate the server
 * made for itself ({@code target/tls/server.pem}, see {@code application-test.yml}) and nothing else, and may
 * present a client certificate (an IC card).
 */
public final class TestHttps {

    /** Where the test server keeps its self-signed certificate. */
    public static final Path SERVER_CERTIFICATE = Path.of("target", "tls", "server.pem");

    private TestHttps() {
    }

    public static String url(int port, String path) {
        return "https://localhost:" + port + path;
    }

    /** A template on {@code https://localhost:<port>} that presents no client certificate. */
    public static TestRestTemplate template(int port) {
        return template(port, null, null);
    }

    /** A template that presents the client certificate in {@code clientKeys} (PKCS#12 or any key store). */
    public static TestRestTemplate template(int port, KeyStore clientKeys, char[] password) {
        HttpClient client = client(clientKeys, password);
        return new TestRestTemplate(new RestTemplateBuilder()
                .rootUri(url(port, ""))
                .requestFactory(() -> new JdkClientHttpRequestFactory(client)));
    }

    /** A JDK HTTP client (redirects not followed) trusting the server, with an optional client certificate. */
    public static HttpClient client(KeyStore clientKeys, char[] password) {
        return HttpClient.newBuilder()
                .sslContext(sslContext(clientKeys, password))
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static SSLContext sslContext(KeyStore clientKeys, char[] password) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            try (InputStream in = Files.newInputStream(SERVER_CERTIFICATE)) {
                trusted.setCertificateEntry("renkei-server",
                        CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(trusted);
            KeyManagerFactory keys = null;
            if (clientKeys != null) {
                keys = KeyManagerFactory.getInstance("SunX509");
                keys.init(clientKeys, password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("HTTPS client for tests cannot be made (is the server up?)", e);
        }
    }
}

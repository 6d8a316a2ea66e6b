package org.renkei.identity;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's own TLS, when no keystore is configured with Spring Boot's {@code server.ssl.*}.
 *
 * @param directory where the generated self-signed server certificate is kept ({@code server.p12}, its password
 *         file and {@code server.pem})
 * @param httpPort the plain HTTP port that only redirects to HTTPS (and answers {@code /actuator/health});
 *         {@code -1} for none, {@code 0} for a random one
 */
@ConfigurationProperties("renkei.tls")
record TlsSettings(@DefaultValue("data/tls") Path directory, @DefaultValue("8080") int httpPort) {
}

package org.renkei.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The server speaks HTTPS and asks every client for a certificate without requiring one (IC-card login; password
 * users still reach the login page). The keystore is Spring Boot's {@code server.ssl.*} when configured;
 * otherwise a self-signed certificate for localhost is made on the first start and kept in {@code
 * renkei.tls.directory}. A plain HTTP connector ({@code renkei.tls.http-port}) only redirects to HTTPS, except
 * for {@code /actuator/health}. With {@code server.ssl.enabled=false} the server speaks plain HTTP on {@code
 * server.port} (behind a proxy that ends TLS) and nobody can log in with a card.
 */
@Component
class ServerTls implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
        ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ServerTls.class);

    static final String KEYSTORE = "server.p12";
    static final String CERTIFICATE = "server.pem";
    static final String ALIAS = "server";
    private static final Duration VALIDITY = Duration.ofDays(730);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final TlsSettings settings;
    private final Clock clock;
    private volatile Connector httpConnector;
    private volatile int httpPort = -1;

    ServerTls(TlsSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Ssl ssl = factory.getSsl();
        if (ssl != null && !ssl.isEnabled()) {
            log.warn("TLS is off (server.ssl.enabled=false): plain HTTP on port {}, no IC-card login",
                    factory.getPort());
            return;
        }
        if (ssl == null) {
            ssl = new Ssl();
            factory.setSsl(ssl);
        }
        if (ssl.getKeyStore() == null && ssl.getBundle() == null && ssl.getCertificate() == null) {
            useSelfSigned(ssl);
        }
        ssl.setClientAuth(Ssl.ClientAuth.WANT);
        factory.addConnectorCustomizers(ServerTls::acceptAnyClientCertificate);
        if (settings.httpPort() >= 0) {
            httpConnector = redirectingConnector(settings.httpPort(), factory.getPort());
            factory.addAdditionalTomcatConnectors(httpConnector);
            factory.addContextCustomizers(ServerTls::requireHttps);
        }
    }

    /** Once the server listens: the HTTP connector redirects to the HTTPS port actually bound (tests: random). */
    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        Connector http = httpConnector;
        if (http != null && event.getWebServer() instanceof TomcatWebServer tomcat
                && java.util.Arrays.asList(tomcat.getTomcat().getService().findConnectors()).contains(http)) {
            http.setRedirectPort(tomcat.getPort());
            httpPort = http.getLocalPort();
        }
    }

    /** The port of the redirecting HTTP connector, -1 without one. */
    int httpPort() {
        return httpPort;
    }

    /**
     * Client certificates are requested, not required, and any certificate passes the handshake: see {@link
     * AnyClientCertificate} for why {@code optional_no_ca} alone does not do it with Tomcat's JSSE connector. A
     * connection's TLS details are worked out once per connection ({@link ConnectionTlsDetails}).
     */
    private static void acceptAnyClientCertificate(Connector connector) {
        if (!connector.setProperty("sslImplementationName", ConnectionTlsDetails.class.getName())) {
            throw new IllegalStateException("the HTTPS connector takes no TLS implementation");
        }
        for (SSLHostConfig host : connector.findSslHostConfigs()) {
            host.setCertificateVerification("optional_no_ca");
            host.setTrustManagerClassName(AnyClientCertificate.class.getName());
        }
    }

    private static Connector redirectingConnector(int port, int httpsPort) {
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setScheme("http");
        connector.setSecure(false);
        connector.setPort(port);
        if (httpsPort > 0) {
            connector.setRedirectPort(httpsPort);
        }
        return connector;
    }

    /** Everything but the health check needs a confidential (TLS) connection: Tomcat redirects to HTTPS. */
    private static void requireHttps(Context context) {
        context.addConstraint(constraint("CONFIDENTIAL", "/*"));
        context.addConstraint(constraint("NONE", "/actuator/health/*"));
    }

    private static SecurityConstraint constraint(String userData, String pattern) {
        var constraint = new SecurityConstraint();
        constraint.setUserConstraint(userData);
        var collection = new SecurityCollection();
        collection.addPattern(pattern);
        constraint.addCollection(collection);
        return constraint;
    }

    private void useSelfSigned(Ssl ssl) {
        Path keyStore = settings.directory().resolve(KEYSTORE).toAbsolutePath();
        try {
            char[] password = KeyStoreFiles.password(keyStore);
            if (!usable(keyStore, password)) {
                makeSelfSigned(keyStore, password);
            }
            Path pem = keyStore.resolveSibling(CERTIFICATE);
            if (!Files.exists(pem)) {
                KeyStoreFiles.writePem(pem, (X509Certificate) KeyStoreFiles.load(keyStore, password)
                        .getCertificate(ALIAS));
            }
            ssl.setKeyStore(keyStore.toUri().toString());
            ssl.setKeyStoreType("PKCS12");
            ssl.setKeyStorePassword(new String(password));
            ssl.setKeyAlias(ALIAS);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the server certificate in " + keyStore.getParent(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Could not make the server certificate", e);
        }
    }

    /** An existing keystore is kept until 30 days before its certificate expires. */
    private boolean usable(Path keyStore, char[] password) throws IOException {
        if (!Files.exists(keyStore)) {
            return false;
        }
        try {
            Certificate certificate = KeyStoreFiles.load(keyStore, password).getCertificate(ALIAS);
            return certificate instanceof X509Certificate x509
                    && x509.getNotAfter().toInstant().isAfter(clock.instant().plus(RENEW_BEFORE));
        } catch (GeneralSecurityException | IOException e) {
            log.warn("The server keystore {} cannot be read ({}); making a new one", keyStore, e.getMessage());
            return false;
        }
    }

    private void makeSelfSigned(Path keyStore, char[] password)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        Instant now = clock.instant();
        X500Name name = new X500Name("CN=localhost, O=Renkei (self-signed)");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(120, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)), name, keys.getPublic());
        var extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1")}));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keys.getPublic()));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keys.getPrivate(), password, new Certificate[] {certificate});
        Files.createDirectories(keyStore.getParent());
        KeyStoreFiles.store(store, keyStore, password);
        Files.deleteIfExists(keyStore.resolveSibling(CERTIFICATE));
        log.info("Made a self-signed server certificate for localhost, valid until {}: {}",
                certificate.getNotAfter().toInstant(), keyStore);
    }
}

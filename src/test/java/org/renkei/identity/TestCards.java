package org.renkei.identity;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test certificate authorities and IC-card certificates, HPKI-shaped or not, valid or expired, with any role.
 * A trusted CA writes its certificate into the trust-anchor folder the test configuration names ({@code
 * application-test.yml}), which certificate login reads again when it changes; an untrusted one does not. Every
 * CA publishes its CRL on a small HTTP server on the loopback address, named in its cards' CRL distribution
 * point.
 */
final class TestCards {

    static final Path HPKI_ANCHORS = Path.of("target", "test-card-anchors", "hpki");
    static final Path USER_CARD_ANCHORS = Path.of("target", "test-card-anchors", "user-pki");
    static final char[] PASSWORD = "Test-card-1!".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, TestCa> PUBLISHED = new ConcurrentHashMap<>();
    private static final HttpServer CRL_SERVER = crlServer();

    static {
        clean(HPKI_ANCHORS);
        clean(USER_CARD_ANCHORS);
    }

    private TestCards() {
    }

    /** A CA trusted for HPKI cards (its certificate in the HPKI trust-anchor folder). */
    static TestCa trustedHpkiCa() {
        return new TestCa("Test HPKI CA", HPKI_ANCHORS);
    }

    /** A CA trusted for the network's user cards. */
    static TestCa trustedUserCardCa() {
        return new TestCa("Test user card CA", USER_CARD_ANCHORS);
    }

    /** A CA nobody trusts. */
    static TestCa untrustedCa() {
        return new TestCa("Untrusted CA", null);
    }

    /** A CRL address on the test CRL server that answers 404. */
    static String missingCrlUrl() {
        return crlUrl("missing-" + UUID.randomUUID());
    }

    private static String crlUrl(String id) {
        return "http://127.0.0.1:" + CRL_SERVER.getAddress().getPort() + "/crl/" + id + ".crl";
    }

    /** A test CA: EC P-256, valid ten years, publishing its CRL. */
    static final class TestCa {

        final String id = UUID.randomUUID().toString();
        final X509Certificate certificate;
        private final PrivateKey key;
        private final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();

        private TestCa(String name, Path anchors) {
            try {
                KeyPair keys = ecKeys();
                Instant now = Instant.now();
                X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP")
                        .addRDN(BCStyle.O, "Renkei tests").addRDN(BCStyle.CN, name + " " + id).build();
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                        Date.from(now.minus(Duration.ofDays(3650))), Date.from(now.plus(Duration.ofDays(3650))),
                        subject, keys.getPublic());
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                builder.addExtension(Extension.subjectKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
                certificate = new JcaX509CertificateConverter().getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
                key = keys.getPrivate();
                PUBLISHED.put(id, this);
                if (anchors != null) {
                    Files.createDirectories(anchors);
                    Files.writeString(anchors.resolve(id + ".pem"),
                            KeyStoreFiles.pem(java.util.List.of(certificate)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException | OperatorCreationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A card of this CA: by default an HPKI doctor's login card, valid now, with this CA's CRL address. */
        CardBuilder card() {
            return new CardBuilder(this);
        }

        void revoke(X509Certificate card) {
            revoked.add(card.getSerialNumber());
        }

        String crlUrl() {
            return TestCards.crlUrl(id);
        }

        X509CRL crl() {
            try {
                Instant now = Instant.now();
                X509v2CRLBuilder crl = new JcaX509v2CRLBuilder(certificate, Date.from(now.minusSeconds(60)));
                crl.setNextUpdate(Date.from(now.plus(Duration.ofHours(1))));
                for (BigInteger serial : revoked) {
                    crl.addCRLEntry(serial, Date.from(now.minusSeconds(30)), CRLReason.keyCompromise);
                }
                return new JcaX509CRLConverter().getCRL(
                        crl.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
            } catch (GeneralSecurityException | OperatorCreationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What a test card looks like; {@link #issue()} makes it. */
    static final class CardBuilder {

        private final TestCa ca;
        private String name = "試験 太郎";
        private String role = Hpki.MEDICAL_DOCTOR;
        private boolean hpkiPolicy = true;
        private int keyUsage = KeyUsage.digitalSignature;
        private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(365));
        private String crlUrl;

        private CardBuilder(TestCa ca) {
            this.ca = ca;
            this.crlUrl = ca.crlUrl();
        }

        CardBuilder name(String value) {
            name = value;
            return this;
        }

        /** The HPKI role ("Medical Doctor", "Pharmacist", …). */
        CardBuilder role(String value) {
            role = value;
            return this;
        }

        /** A card that is not HPKI-shaped: no role, no HPKI policy (the network's user card). */
        CardBuilder userCard() {
            role = null;
            hpkiPolicy = false;
            return this;
        }

        /** An HPKI signing certificate: key usage nonRepudiation only, as the MEDIS test certificate. */
        CardBuilder signing() {
            keyUsage = KeyUsage.nonRepudiation;
            return this;
        }

        CardBuilder expired() {
            notBefore = Instant.now().minus(Duration.ofDays(400));
            notAfter = Instant.now().minus(Duration.ofDays(2));
            return this;
        }

        CardBuilder crlUrl(String value) {
            crlUrl = value;
            return this;
        }

        Card issue() {
            try {
                KeyPair keys = ecKeys();
                X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP")
                        .addRDN(BCStyle.O, "Renkei tests").addRDN(BCStyle.CN, name)
                        .addRDN(BCStyle.SERIALNUMBER, "T" + RANDOM.nextInt(1_000_000)).build();
                var extensions = new JcaX509ExtensionUtils();
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate, serial(),
                        Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(ca.certificate));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                if (hpkiPolicy) {
                    builder.addExtension(Extension.certificatePolicies, true,
                            new CertificatePolicies(new PolicyInformation(Hpki.SIGNING_POLICY)));
                }
                if (role != null) {
                    builder.addExtension(Extension.subjectDirectoryAttributes, false, Hpki.roleAttributes(role));
                }
                if (crlUrl != null) {
                    var point = new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null);
                    builder.addExtension(Extension.cRLDistributionPoints, false,
                            new CRLDistPoint(new DistributionPoint[] {point}));
                }
                X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.key)));
                return new Card(certificate, keys.getPrivate(), ca.certificate);
            } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A card: its certificate and private key. */
    record Card(X509Certificate certificate, PrivateKey key, X509Certificate ca) {

        KeyStore keyStore() {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("card", key, PASSWORD, new Certificate[] {certificate, ca});
                return store;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        byte[] pkcs12() {
            try {
                var out = new ByteArrayOutputStream();
                keyStore().store(out, PASSWORD);
                return out.toByteArray();
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(120, RANDOM).add(BigInteger.ONE);
    }

    private static HttpServer crlServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/crl/", exchange -> {
                String file = exchange.getRequestURI().getPath().substring("/crl/".length());
                TestCa ca = PUBLISHED.get(file.replace(".crl", ""));
                try (exchange; OutputStream out = exchange.getResponseBody()) {
                    if (ca == null) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    byte[] crl = ca.crl().getEncoded();
                    exchange.getResponseHeaders().add("Content-Type", "application/pkix-crl");
                    exchange.sendResponseHeaders(200, crl.length);
                    out.write(crl);
                } catch (java.security.cert.CRLException e) {
                    throw new IOException(e);
                }
            });
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "test-crl-server");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clean(Path folder) {
        try {
            if (Files.isDirectory(folder)) {
                try (var files = Files.list(folder)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

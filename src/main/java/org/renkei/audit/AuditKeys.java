package org.renkei.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The node's two audit keys, made on the first start and kept in {@code <renkei.audit.directory>/audit-keys.p12}
 * (its password beside it, readable by the server's user only): the checkpoint signer, and the in-process time
 * stamping authority's key (its certificate marked for time stamping only, as RFC 3161 asks). Nodes of one
 * installation share the folder, so each verifies the others' checkpoints.
 */
final class AuditKeys {

    static final String SIGNER = "checkpoint-signer";
    static final String TSA = "time-stamping-authority";
    private static final Duration VALIDITY = Duration.ofDays(365L * 30);

    record Key(PrivateKey privateKey, X509Certificate certificate) {
    }

    private final Key signer;
    private final Key tsa;

    private AuditKeys(Key signer, Key tsa) {
        this.signer = signer;
        this.tsa = tsa;
    }

    Key signer() {
        return signer;
    }

    Key tsa() {
        return tsa;
    }

    /** The keys in the folder, made there first when missing. */
    static synchronized AuditKeys in(Path directory) {
        Path file = directory.resolve("audit-keys.p12");
        try {
            Files.createDirectories(directory);
            char[] password = password(directory.resolve("audit-keys.p12.password"));
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, password);
                }
            } else {
                store.load(null, password);
                add(store, SIGNER, make("CN=Renkei audit checkpoint signer", false), password);
                add(store, TSA, make("CN=Renkei in-process time stamping authority", true), password);
                Path temporary = file.resolveSibling("audit-keys.p12.new");
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    store.store(out, password);
                }
                restrict(temporary);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return new AuditKeys(key(store, SIGNER, password), key(store, TSA, password));
        } catch (IOException e) {
            throw new UncheckedIOException("The audit keys in " + file + " could not be read or made", e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("The audit keys in " + file + " could not be read or made", e);
        }
    }

    private static Key key(KeyStore store, String alias, char[] password) throws GeneralSecurityException {
        return new Key((PrivateKey) store.getKey(alias, password), (X509Certificate) store.getCertificate(alias));
    }

    private static void add(KeyStore store, String alias, Key key, char[] password) throws GeneralSecurityException {
        store.setKeyEntry(alias, key.privateKey(), password, new Certificate[] {key.certificate()});
    }

    private static Key make(String subject, boolean timeStamping)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name(subject + ", O=Renkei");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(128, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(VALIDITY)), name, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        if (timeStamping) {
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        }
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        return new Key(pair.getPrivate(), certificate);
    }

    private static char[] password(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            Files.write(file, Base64.getUrlEncoder().withoutPadding().encode(bytes));
            restrict(file);
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the folder's own protection applies
        }
    }
}

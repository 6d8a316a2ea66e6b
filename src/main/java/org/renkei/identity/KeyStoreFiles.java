package org.renkei.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * PKCS#12 files that Renkei makes and keeps itself (the self-signed server certificate, the demo CA), each with a
 * random password in a file beside it that only the server's user may read.
 */
final class KeyStoreFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyStoreFiles() {
    }

    /** The password kept in {@code <keystore>.password}, made up the first time. */
    static char[] password(Path keyStore) throws IOException {
        Path file = keyStore.resolveSibling(keyStore.getFileName() + ".password");
        if (!Files.exists(file)) {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            writePrivate(file, Base64.getUrlEncoder().withoutPadding().encode(bytes));
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
    }

    static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    static void store(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        restrict(temporary);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Certificates as PEM text. */
    static String pem(Collection<? extends Certificate> certificates) {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            for (Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static void writePem(Path file, X509Certificate certificate) throws IOException {
        Files.writeString(file, pem(java.util.List.of(certificate)), StandardCharsets.US_ASCII);
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        restrict(file);
    }

    private static void restrict(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}

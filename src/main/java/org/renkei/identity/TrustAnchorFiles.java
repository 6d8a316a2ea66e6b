package org.renkei.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A card issuer whose trust anchors are certificate files the operator configured: the HPKI CAs ({@code
 * renkei.card.hpki.trust-anchors}), or an external CA of the network's user cards ({@code
 * renkei.card.user-pki.trust-anchors}). Each path is a PEM or DER file (several certificates allowed) or a
 * folder of {@code .pem .crt .cer .der} files. Files are read again when they change, so a new CA certificate
 * counts without a restart. Revocation lists come from the certificates' CRL distribution points.
 */
class TrustAnchorFiles implements CardIssuer {

    private static final Logger log = LoggerFactory.getLogger(TrustAnchorFiles.class);
    private static final Set<String> SUFFIXES = Set.of(".pem", ".crt", ".cer", ".der");

    private final AuthLevel kind;
    private final List<Path> paths;
    private final Map<Path, Read> read = new ConcurrentHashMap<>();
    private final Set<Path> missingReported = ConcurrentHashMap.newKeySet();

    private record Read(FileTime modified, long size, List<X509Certificate> certificates) {
    }

    TrustAnchorFiles(AuthLevel kind, List<Path> paths) {
        this.kind = kind;
        this.paths = List.copyOf(paths);
    }

    @Override
    public AuthLevel kind() {
        return kind;
    }

    @Override
    public List<X509Certificate> trustAnchors() {
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    files.filter(TrustAnchorFiles::isCertificateFile).sorted().forEach(f -> anchors.addAll(read(f)));
                } catch (IOException e) {
                    log.warn("Trust anchor folder {} cannot be listed: {}", path, e.getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                anchors.addAll(read(path));
            } else if (missingReported.add(path)) {
                log.warn("Trust anchors for {} cards: {} does not exist", kind, path);
            }
        }
        return anchors;
    }

    private static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return Files.isRegularFile(file) && SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private List<X509Certificate> read(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            Read known = read.get(file);
            if (known != null && known.modified().equals(modified) && known.size() == size) {
                return known.certificates();
            }
            List<X509Certificate> certificates = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file)) {
                for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    certificates.add((X509Certificate) certificate);
                }
            }
            read.put(file, new Read(modified, size, List.copyOf(certificates)));
            log.info("Trust anchors for {} cards read from {}: {}", kind, file, certificates.stream()
                    .map(CardCertificates::subjectOf).toList());
            return certificates;
        } catch (IOException | CertificateException e) {
            log.warn("Trust anchor file {} cannot be read: {}", file, e.getMessage());
            return List.of();
        }
    }

    @Override
    public String toString() {
        return kind + " trust anchors " + paths;
    }
}

package org.renkei.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Attachments in a folder: {@code <root>/ab/cd/abcd…} by SHA-256. A put writes a temporary file while hashing,
 * then moves it into place, so a reader never sees half a file and the same content is kept once.
 */
class FileSystemAttachmentStore implements AttachmentStore {

    private final Path root;

    FileSystemAttachmentStore(Path root) {
        this.root = root;
    }

    @Override
    public Put put(InputStream content, long maxBytes) throws IOException {
        Path incoming = root.resolve("incoming");
        Files.createDirectories(incoming);
        Path temp = Files.createTempFile(incoming, "put-", ".tmp");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = content.read(buffer)) != -1) {
                    size += n;
                    if (size > maxBytes) {
                        throw new TooLarge(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = path(hash);
            if (Files.exists(target)) {
                return new Put(hash, size, false);
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Put(hash, size, true);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) throws IOException {
        Path path = path(sha256);
        return Files.exists(path) ? Optional.of(Files.newInputStream(path)) : Optional.empty();
    }

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(path(sha256));
    }

    private Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}

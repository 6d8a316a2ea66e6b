package org.renkei.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The chain's end as this node last appended it, kept in a file beside the node's audit key, outside the
 * database: entries cut off the end after the last checkpoint are found by comparing with it.
 */
@Component
class AuditWitness {

    private static final Logger log = LoggerFactory.getLogger(AuditWitness.class);

    /** The chain's end, and its first entry's hash (which tells one database's chain from another's). */
    record Head(long seq, byte[] hash, byte[] first) {
    }

    private final Path file;
    private long written;

    AuditWitness(AuditSettings settings) {
        this.file = settings.directory().resolve("chain-head");
    }

    synchronized void write(long seq, byte[] hash, byte[] first) {
        if (seq <= written) {
            return;
        }
        String line = seq + " " + HexFormat.of().formatHex(hash) + " " + HexFormat.of().formatHex(first) + "\n";
        try {
            try {
                replace(line);
            } catch (NoSuchFileException e) {
                // the first time (or the folder was removed): make it, once, not before every write
                Files.createDirectories(file.getParent());
                replace(line);
            }
            written = seq;
        } catch (IOException e) {
            log.warn("The audit chain witness could not be written to {}: {}", file, e.toString());
        }
    }

    /** Written beside, then moved over the old one: a reader sees the old line or the new one, never half of one. */
    private void replace(String line) throws IOException {
        Path temporary = file.resolveSibling("chain-head.tmp");
        Files.writeString(temporary, line, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    Optional<Head> read() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
            return Optional.of(new Head(Long.parseLong(parts[0]), HexFormat.of().parseHex(parts[1]),
                    HexFormat.of().parseHex(parts[2])));
        } catch (IOException | RuntimeException e) {
            log.warn("The audit chain witness {} could not be read: {}", file, e.toString());
            return Optional.empty();
        }
    }
}

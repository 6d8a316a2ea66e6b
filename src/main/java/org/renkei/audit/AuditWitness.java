package org.renkei.audit;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The chain's end as this node last appended it, kept in a file beside the node's audit key, outside the
 * database: entries cut off the end after the last checkpoint are found by comparing with it.
 *
 * <p>The file holds two slots of {@value #SLOT} bytes, each a line {@code <seq> <hash> <first entry's hash>
 * <CRC-32 of those three>} padded with spaces. Writes overwrite the older slot in place, through a channel kept
 * open, so a batch costs one write to the page cache, not a new file, a rename and the writeback a rename over an
 * existing file starts on ext4. Only a missing file, one of another size or an earlier version's one-line file is
 * made anew (written beside, then moved over the old one). The nodes of an installation share the folder and so
 * the file; a node notices within a second when the file it writes was replaced, and opens the new one. A reader
 * takes the slot with the highest seq whose checksum holds: a slot caught half-written (a read during the write, or
 * a crash) leaves the other, one batch older. The one-line file of earlier versions ({@code <seq> <hash> <first>})
 * is read too.
 */
@Component
class AuditWitness {

    private static final Logger log = LoggerFactory.getLogger(AuditWitness.class);
    static final int SLOT = 256;

    /** The chain's end, and its first entry's hash (which tells one database's chain from another's). */
    record Head(long seq, byte[] hash, byte[] first) {
    }

    private final Path file;
    private final long checkNanos;
    private FileChannel channel;
    /** The file the channel writes (device and inode), to notice when another node or a person replaced it. */
    private Object opened;
    private long checkedAt;
    private long written;
    private int writes;

    @Autowired
    AuditWitness(AuditSettings settings) {
        this(settings.directory().resolve("chain-head"), Duration.ofSeconds(1));
    }

    /** @param check how often a write first makes sure the file it writes is still the one at {@code file} */
    AuditWitness(Path file, Duration check) {
        this.file = file;
        this.checkNanos = check.toNanos();
    }

    synchronized void write(long seq, byte[] hash, byte[] first) {
        if (seq <= written) {
            return;
        }
        try {
            byte[] slot = slot(seq, hash, first);
            long now = System.nanoTime();
            if (channel != null && now - checkedAt >= checkNanos) {
                checkedAt = now;
                if (!Objects.equals(fileKey(), opened)) {
                    close();
                }
            }
            if (channel == null) {
                open(slot);
                checkedAt = now;
            } else {
                writeSlot(slot);
            }
            written = seq;
        } catch (IOException | RuntimeException e) {
            log.warn("The audit chain witness could not be written to {}: {}", file, e.toString());
            close();
        }
    }

    /**
     * Opens the file for writes in place: a witness file of two slots as it is (another node of the installation
     * may write it too), with this slot over its older one; anything else (none yet, the one-line file of earlier
     * versions, a file of another size) made anew with this slot.
     */
    private void open(byte[] slot) throws IOException {
        boolean slots;
        try {
            slots = Files.size(file) == 2 * SLOT;
        } catch (NoSuchFileException e) {
            slots = false;
        }
        if (!slots) {
            makeAnew(slot);
        }
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
        opened = fileKey();
        if (slots) {
            Head[] found = slots(Files.readString(file, StandardCharsets.US_ASCII));
            writes = found[0] == null || (found[1] != null && found[1].seq() > found[0].seq()) ? 0 : 1;
            writeSlot(slot);
        } else {
            writes = 1;
        }
    }

    private void writeSlot(byte[] slot) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(slot);
        long at = (long) (writes % 2) * SLOT;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
        writes++;
    }

    /** The file's device and inode; null when there is no file. */
    private Object fileKey() throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The file with this slot first and an empty second: written beside, then moved over the old one. */
    private void makeAnew(byte[] slot) throws IOException {
        byte[] content = new byte[2 * SLOT];
        System.arraycopy(slot, 0, content, 0, SLOT);
        Arrays.fill(content, SLOT, 2 * SLOT - 1, (byte) ' ');
        content[2 * SLOT - 1] = '\n';
        Path temporary = file.resolveSibling("chain-head.tmp");
        try {
            Files.write(temporary, content);
        } catch (NoSuchFileException e) {
            // the first time (or the folder was removed): make it
            Files.createDirectories(file.getParent());
            Files.write(temporary, content);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] slot(long seq, byte[] hash, byte[] first) {
        String head = seq + " " + HexFormat.of().formatHex(hash) + " " + HexFormat.of().formatHex(first);
        String line = head + " " + crc(head);
        if (line.length() > SLOT - 1) {
            throw new IllegalArgumentException("a witness line is at most " + (SLOT - 1) + " characters");
        }
        byte[] slot = new byte[SLOT];
        Arrays.fill(slot, (byte) ' ');
        byte[] text = line.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, slot, 0, text.length);
        slot[SLOT - 1] = '\n';
        return slot;
    }

    private static String crc(String head) {
        CRC32 crc = new CRC32();
        crc.update(head.getBytes(StandardCharsets.US_ASCII));
        return String.format("%08x", crc.getValue());
    }

    Optional<Head> read() {
        String content;
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            content = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            log.warn("The audit chain witness {} could not be read: {}", file, e.toString());
            return Optional.empty();
        }
        Head newest = null;
        if (content.length() == 2 * SLOT) {
            for (Head head : slots(content)) {
                if (head != null && (newest == null || head.seq() > newest.seq())) {
                    newest = head;
                }
            }
        } else {
            newest = parse(content.trim(), false);
        }
        if (newest == null && !content.isBlank()) {
            log.warn("The audit chain witness {} holds no whole line", file);
        }
        return Optional.ofNullable(newest);
    }

    /** The two slots of a witness file, each null unless whole. */
    private static Head[] slots(String content) {
        Head[] heads = new Head[2];
        for (int i = 0; i < 2 && (i + 1) * SLOT <= content.length(); i++) {
            heads[i] = parse(content.substring(i * SLOT, (i + 1) * SLOT).trim(), true);
        }
        return heads;
    }

    /**
     * A slot's line if its checksum holds, or the one line of an earlier version's file ({@code slot} false); null
     * for anything else.
     */
    private static Head parse(String line, boolean slot) {
        String[] parts = line.split(" ");
        if (parts.length != (slot ? 4 : 3)) {
            return null;
        }
        if (slot && !crc(parts[0] + " " + parts[1] + " " + parts[2]).equals(parts[3])) {
            return null;
        }
        try {
            return new Head(Long.parseLong(parts[0]), HexFormat.of().parseHex(parts[1]),
                    HexFormat.of().parseHex(parts[2]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.warn("The audit chain witness {} could not be closed: {}", file, e.toString());
            }
            channel = null;
        }
    }
}

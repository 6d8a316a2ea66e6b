package org.renkei.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditWitnessTest {

    private static AuditWitness in(Path directory) {
        return new AuditWitness(new AuditSettings(directory, Duration.ofHours(1), Duration.ofSeconds(5), 50, null,
                null));
    }

    @Test
    @DisplayName("AUD-03 the node's witness keeps the chain's latest end, in a folder it makes when there is none")
    void keepsTheLatestEnd(@TempDir Path node) throws Exception {
        Path folder = node.resolve("audit");
        AuditWitness witness = in(folder);
        byte[] first = new byte[32];
        byte[] hash = new byte[32];
        hash[0] = 7;

        witness.write(12, hash, first);
        witness.write(11, new byte[32], first); // an older end never replaces a newer one
        assertThat(in(folder).read()).hasValueSatisfying(head -> {
            assertThat(head.seq()).isEqualTo(12);
            assertThat(head.hash()).isEqualTo(hash);
            assertThat(head.first()).isEqualTo(first);
        });

        hash[0] = 8;
        witness.write(13, hash, first);
        assertThat(in(folder).read()).hasValueSatisfying(head -> assertThat(head.seq()).isEqualTo(13));
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("chain-head");
        }
        witness.close();
    }

    @Test
    @DisplayName("AUD-03 later writes overwrite the older of two slots in the same file; a slot caught half-written leaves the end before it")
    void slotsInPlace(@TempDir Path node) throws Exception {
        AuditWitness witness = in(node);
        Path file = node.resolve("chain-head");
        byte[] first = new byte[32];
        witness.write(12, new byte[32], first);
        Object made = Files.getAttribute(file, "unix:ino");
        witness.write(13, new byte[32], first);
        witness.write(14, new byte[32], first);

        assertThat(Files.getAttribute(file, "unix:ino")).as("no new file per write").isEqualTo(made);
        assertThat(Files.size(file)).isEqualTo(2 * AuditWitness.SLOT);
        assertThat(in(node).read()).hasValueSatisfying(head -> assertThat(head.seq()).isEqualTo(14));

        try (RandomAccessFile torn = new RandomAccessFile(file.toFile(), "rw")) {
            torn.seek(20); // inside the first slot, which holds 14: part of it written, part not
            torn.write("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(in(node).read()).hasValueSatisfying(head -> assertThat(head.seq()).isEqualTo(13));

        try (RandomAccessFile torn = new RandomAccessFile(file.toFile(), "rw")) {
            torn.seek(AuditWitness.SLOT + 20);
            torn.write("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(in(node).read()).as("no slot whole").isEmpty();

        witness.write(15, new byte[32], first);
        assertThat(in(node).read()).hasValueSatisfying(head -> assertThat(head.seq()).isEqualTo(15));
        witness.close();
    }

    @Test
    @DisplayName("AUD-03 the one-line witness of earlier versions is read, and the first write replaces it")
    void earlierOneLineFile(@TempDir Path node) throws Exception {
        Path file = node.resolve("chain-head");
        byte[] hash = new byte[32];
        hash[31] = 9;
        Files.writeString(file, "12 " + HexFormat.of().formatHex(hash) + " " + HexFormat.of().formatHex(new byte[32])
                + "\n", StandardCharsets.US_ASCII);
        assertThat(in(node).read()).hasValueSatisfying(head -> {
            assertThat(head.seq()).isEqualTo(12);
            assertThat(head.hash()).isEqualTo(hash);
        });

        AuditWitness witness = in(node);
        witness.write(13, hash, new byte[32]);
        witness.close();
        assertThat(in(node).read()).hasValueSatisfying(head -> assertThat(head.seq()).isEqualTo(13));
        assertThat(Files.size(file)).isEqualTo(2 * AuditWitness.SLOT);
    }

    @Test
    @DisplayName("AUD-03 the nodes of an installation write the one witness file in place; a node whose file is gone makes it again")
    void nodesShareTheFile(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("chain-head");
        AuditWitness nodeA = new AuditWitness(file, Duration.ZERO);
        AuditWitness nodeB = new AuditWitness(file, Duration.ZERO);
        byte[] first = new byte[32];

        nodeA.write(12, new byte[32], first);
        Object made = Files.getAttribute(file, "unix:ino");
        nodeB.write(13, new byte[32], first);
        assertThat(in(folder).read()).hasValueSatisfying(head -> assertThat(head.seq()).isEqualTo(13));
        nodeA.write(14, new byte[32], first);
        assertThat(in(folder).read()).hasValueSatisfying(head -> assertThat(head.seq()).isEqualTo(14));
        nodeB.write(15, new byte[32], first);
        assertThat(in(folder).read()).hasValueSatisfying(head -> assertThat(head.seq()).isEqualTo(15));
        assertThat(Files.getAttribute(file, "unix:ino")).isEqualTo(made);

        Files.delete(file);
        nodeA.write(16, new byte[32], first);
        assertThat(in(folder).read()).hasValueSatisfying(head -> assertThat(head.seq()).isEqualTo(16));
        nodeB.write(17, new byte[32], first);
        assertThat(in(folder).read()).hasValueSatisfying(head -> assertThat(head.seq()).isEqualTo(17));
        nodeA.close();
        nodeB.close();
    }
}

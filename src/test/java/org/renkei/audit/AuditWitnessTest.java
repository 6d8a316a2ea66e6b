package org.renkei.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    }
}

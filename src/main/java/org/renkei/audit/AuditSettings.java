package org.renkei.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code renkei.audit.*}: where the node keeps its audit key, TSA key and chain witness; how often the chain is
 * sealed; how long an access waits for its entry to be durable; how many entries one append takes at most, and how
 * long a busy writer lets a batch gather before appending it; which TSA timestamps the checkpoints (empty: the
 * in-process one).
 */
@ConfigurationProperties("renkei.audit")
record AuditSettings(Path directory, Duration checkpointInterval, Duration durableTimeout, int batchSize,
        Duration batchWait, String tsaUrl) {

    AuditSettings {
        if (directory == null) {
            directory = Path.of("data", "audit");
        }
        if (checkpointInterval == null) {
            checkpointInterval = Duration.ofMinutes(5);
        }
        if (durableTimeout == null) {
            durableTimeout = Duration.ofSeconds(10);
        }
        if (batchSize <= 0) {
            batchSize = 2000;
        }
        if (batchWait == null || batchWait.isNegative()) {
            batchWait = Duration.ofMillis(2);
        }
        if (tsaUrl != null && tsaUrl.isBlank()) {
            tsaUrl = null;
        }
    }
}

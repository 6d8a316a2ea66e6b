package org.renkei.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.InstantType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LastUpdatedTest {

    @Test
    @DisplayName("INT-01 a record's meta.lastUpdated is written exactly as HAPI writes the time, in any zone of the server")
    void sameAsHapi() {
        List<Instant> times = new ArrayList<>(List.of(Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-03-29T01:00:00.001Z"), Instant.parse("2026-10-25T00:59:59.999Z"),
                Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2099-12-31T23:59:59.5Z")));
        Random random = new Random(20261201);
        for (int i = 0; i < 2_000; i++) {
            times.add(Instant.ofEpochMilli(Math.floorMod(random.nextLong(), 4_102_444_800_000L)));
        }
        TimeZone before = TimeZone.getDefault();
        try {
            for (String zone : List.of("Asia/Tokyo", "UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kolkata",
                    "Pacific/Chatham")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                for (Instant time : times) {
                    Date at = Date.from(time);
                    assertThat(RecordFhir.lastUpdated(at)).as("%s in %s", time, zone)
                            .isEqualTo(new InstantType(at).getValueAsString());
                }
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }
}

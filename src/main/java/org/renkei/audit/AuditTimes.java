package org.renkei.audit;

import java.time.Instant;
import java.time.ZonedDateTime;
import org.renkei.platform.time.JapanTime;
import org.springframework.stereotype.Component;

/** Audit times for the pages, in JST to the second: {@code ${@auditTimes.format(at)}}. */
@Component("auditTimes")
public class AuditTimes {

    public String format(Instant at) {
        return at == null ? "" : AuditCsv.TIME.format(ZonedDateTime.ofInstant(at, JapanTime.ZONE));
    }
}

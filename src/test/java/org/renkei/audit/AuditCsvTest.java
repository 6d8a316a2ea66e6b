package org.renkei.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** The CSV of the audit trail as Excel will read it (AUD-02). */
class AuditCsvTest {

    @Test
    @DisplayName("AUD-02 CSV cells are quoted where needed and never run as a spreadsheet formula")
    void cells() {
        assertThat(AuditCsv.cell(null)).isEmpty();
        assertThat(AuditCsv.cell("閲覧")).isEqualTo("閲覧");
        assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(AuditCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    @DisplayName("AUD-02 the CSV starts with a byte-order mark and a header, and gives each entry one row with its JST time")
    void rows() {
        var messages = new StaticMessageSource();
        messages.addMessage("audit.csv.at", Locale.JAPANESE, "日時（JST）");
        messages.addMessage("audit.action.VIEW", Locale.JAPANESE, "閲覧");
        var out = new StringWriter();
        UUID facility = UUID.randomUUID();
        var csv = new AuditCsv(out, messages, Locale.JAPANESE, Map.of(facility, "熊本病院"));
        csv.header();
        csv.entry(new AuditEntry(7, UUID.randomUUID(), Instant.parse("2026-11-30T15:30:00Z"),
                AuditEvent.of(AuditAction.VIEW).facility(facility).detail("results=3, page=1").build()));
        String text = out.toString();
        assertThat(text).startsWith("\uFEFF日時（JST）,action,");
        String row = text.split("\r\n")[1];
        assertThat(row).startsWith("2026-12-01 00:30:00,閲覧,").contains("熊本病院").contains("\"results=3, page=1\"")
                .contains(",7,");
    }
}

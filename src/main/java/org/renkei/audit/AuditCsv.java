package org.renkei.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.renkei.platform.time.JapanTime;
import org.springframework.context.MessageSource;

/**
 * Audit entries as CSV for Excel: UTF-8 with a byte-order mark, a header row, one row per entry, times in JST,
 * fields quoted where needed, and text that a spreadsheet would take for a formula made plain.
 */
final class AuditCsv {

    static final String BOM = "\uFEFF";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final String[] HEADER = {"at", "action", "outcome", "purpose", "facility", "facilityId",
        "actorName", "username", "authLevel", "staffId", "participantId", "resourceType", "resourceId", "detail",
        "clientAddress", "device", "requestId", "seq", "id"};

    private final Writer out;
    private final MessageSource messages;
    private final Locale locale;
    private final Map<UUID, String> facilities;

    AuditCsv(Writer out, MessageSource messages, Locale locale, Map<UUID, String> facilities) {
        this.out = out;
        this.messages = messages;
        this.locale = locale;
        this.facilities = facilities;
    }

    void header() {
        write(BOM);
        String[] cells = new String[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            cells[i] = messages.getMessage("audit.csv." + HEADER[i], null, HEADER[i], locale);
        }
        row(cells);
    }

    void entry(AuditEntry entry) {
        AuditEvent e = entry.event();
        row(new String[] {TIME.format(ZonedDateTime.ofInstant(entry.at(), JapanTime.ZONE)),
            label("audit.action." + e.action()), label("audit.outcome." + e.outcome()),
            label("audit.purpose." + e.purpose()),
            e.facilityId() == null ? "" : facilities.getOrDefault(e.facilityId(), ""), str(e.facilityId()),
            e.actorName(), e.username(), e.authLevel(), str(e.staffId()), str(e.participantId()), e.resourceType(),
            e.resourceId(), e.detail(), e.clientAddress(), e.device(), e.requestId(), Long.toString(entry.seq()),
            entry.id().toString()});
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, locale);
    }

    private void row(String[] cells) {
        var line = new StringBuilder(256);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells[i]));
        }
        write(line.append("\r\n").toString());
    }

    /** One field: quoted when it holds a comma, quote or line break; a leading formula character made text. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value;
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String str(UUID id) {
        return id == null ? "" : id.toString();
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

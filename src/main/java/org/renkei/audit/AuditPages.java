package org.renkei.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.renkei.identity.Actor;
import org.renkei.platform.time.JapanTime;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.PageMessages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit trail's pages (AUD-02, AUD-04): the operator's search of every entry at {@code /operator/audit}, the
 * facility administrator's search of their own facility's entries at {@code /facility/audit}, both with a CSV
 * export, and the operator's list of who accessed one participant's data. Times are entered and shown in JST.
 */
@Controller
class AuditPages {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final AuditSearch search;
    private final ParticipantAccessLog accessLog;
    private final AuditTrail trail;
    private final PageMessages messages;
    private final MessageSource messageSource;
    private final Clock clock;

    AuditPages(AuditSearch search, ParticipantAccessLog accessLog, AuditTrail trail, PageMessages messages,
            MessageSource messageSource, Clock clock) {
        this.search = search;
        this.accessLog = accessLog;
        this.trail = trail;
        this.messages = messages;
        this.messageSource = messageSource;
        this.clock = clock;
    }

    /** The search form as typed, kept to show it again and to build the paging and export links. */
    record Form(String participant, String staff, String facility, String from, String to, String action,
            String purpose, String outcome) {

        Map<String, String> asParameters() {
            var map = new java.util.LinkedHashMap<String, String>();
            put(map, "participant", participant);
            put(map, "staff", staff);
            put(map, "facility", facility);
            put(map, "from", from);
            put(map, "to", to);
            put(map, "action", action);
            put(map, "purpose", purpose);
            put(map, "outcome", outcome);
            return map;
        }

        private static void put(Map<String, String> map, String name, String value) {
            if (value != null && !value.isBlank()) {
                map.put(name, value.strip());
            }
        }
    }

    @ModelAttribute("actions")
    AuditAction[] actions() {
        return AuditAction.values();
    }

    @ModelAttribute("purposes")
    AuditPurpose[] purposes() {
        return AuditPurpose.values();
    }

    @ModelAttribute("outcomes")
    AuditOutcome[] outcomes() {
        return AuditOutcome.values();
    }

    @GetMapping("/operator/audit")
    String operatorSearch(@ModelAttribute("form") Form form, @RequestParam(required = false) Long before,
            Actor actor, Model model, HttpServletResponse response) {
        return page("/operator/audit", form, before, actor, model, response);
    }

    @GetMapping("/facility/audit")
    String facilitySearch(@ModelAttribute("form") Form form, @RequestParam(required = false) Long before,
            Actor actor, Model model, HttpServletResponse response) {
        return page("/facility/audit", form, before, actor, model, response);
    }

    @GetMapping("/operator/audit/export")
    void operatorExport(@ModelAttribute("form") Form form, Actor actor, HttpServletResponse response)
            throws IOException {
        export(form, actor, response);
    }

    @GetMapping("/facility/audit/export")
    void facilityExport(@ModelAttribute("form") Form form, Actor actor, HttpServletResponse response)
            throws IOException {
        export(form, actor, response);
    }

    /** Who accessed one participant's data (AUD-04), as the participant will see it. */
    @GetMapping("/operator/audit/participants/{participantId}")
    String participant(@PathVariable UUID participantId, @RequestParam(required = false) Long before, Actor actor,
            Model model) {
        trail.recordLater(AuditEvent.of(AuditAction.VIEW).by(actor).resource(AuditSearch.RESOURCE_TYPE, null)
                .detail("participant access list: participant=" + participantId).build());
        model.addAttribute("participantId", participantId);
        model.addAttribute("page", accessLog.accesses(participantId, before, AuditSearch.PAGE_SIZE));
        model.addAttribute("before", before);
        return "audit/participant";
    }

    private String page(String path, Form form, Long before, Actor actor, Model model, HttpServletResponse response) {
        boolean operator = actor.isOperator();
        model.addAttribute("operator", operator);
        model.addAttribute("path", path);
        model.addAttribute("names", search.facilityNames());
        try {
            AuditFilter filter = filter(form, operator);
            AuditSearch.Results results = search.search(actor, filter, before);
            model.addAttribute("entries", results.entries());
            model.addAttribute("before", before);
            Map<String, String> parameters = form.asParameters();
            model.addAttribute("exportUrl", url(path + "/export", parameters, null));
            model.addAttribute("firstUrl", before == null ? null : url(path, parameters, null));
            model.addAttribute("nextUrl", results.next() == null ? null : url(path, parameters, results.next()));
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", messages.text(e));
            model.addAttribute("entries", java.util.List.of());
        }
        return "audit/search";
    }

    private void export(Form form, Actor actor, HttpServletResponse response) throws IOException {
        AuditFilter filter = filter(form, actor.isOperator());
        Map<UUID, String> names = search.facilityNames();
        String file = "audit-" + FILE_TIME.format(ZonedDateTime.ofInstant(clock.instant(), JapanTime.ZONE)) + ".csv";
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        response.setHeader("Cache-Control", "no-store");
        Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        var csv = new AuditCsv(writer, messageSource, LocaleContextHolder.getLocale(), names);
        boolean[] started = {false};
        search.export(actor, filter, entry -> {
            if (!started[0]) {
                csv.header();
                started[0] = true;
            }
            csv.entry(entry);
        });
        if (!started[0]) {
            csv.header();
        }
        writer.flush();
    }

    /** The filter a form asks for; the facility is the operator's to choose only. */
    private AuditFilter filter(Form form, boolean operator) {
        UUID participant = search.participantOf(form.participant());
        UUID facility = operator ? uuid(form.facility()) : null;
        Instant from = time(form.from(), false);
        Instant to = time(form.to(), true);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("audit.filter.range");
        }
        AuditAction action = value(AuditAction.class, form.action());
        return new AuditFilter(participant, null, form.staff(), facility, from, to,
                action == null ? Set.of() : Set.of(action), value(AuditPurpose.class, form.purpose()),
                value(AuditOutcome.class, form.outcome()));
    }

    private static UUID uuid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("audit.filter.facility");
        }
    }

    /**
     * A time typed in JST: {@code 2026-11-30T09:30} (the browser's date-time field) or a day ({@code 2026-11-30}),
     * which as an end means the whole day.
     */
    static Instant time(String text, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip().replace(' ', 'T');
        try {
            if (value.length() <= 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(JapanTime.ZONE).toInstant()
                        .minusNanos(end ? 1 : 0);
            }
            LocalDateTime at = LocalDateTime.parse(value);
            Instant instant = at.atZone(JapanTime.ZONE).toInstant();
            // an end time to the minute includes that whole minute
            return end && at.getSecond() == 0 && at.getNano() == 0 ? instant.plusSeconds(60).minusNanos(1) : instant;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("audit.filter.time", text);
        }
    }

    private static <E extends Enum<E>> E value(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(text.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("audit.filter.invalid"));
    }

    private static String url(String path, Map<String, String> parameters, Long before) {
        var builder = UriComponentsBuilder.fromPath(path);
        parameters.forEach(builder::queryParam);
        if (before != null) {
            builder.queryParam("before", before);
        }
        return builder.encode().build().toUriString();
    }
}

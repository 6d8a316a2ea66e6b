package org.renkei.incident;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.identity.Actor;
import org.renkei.platform.time.JapanTime;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.renkei.platform.web.PageMessages;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffMember;
import org.renkei.staff.StaffRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Incident pages: the facility administrator's report form and their facility's incidents at {@code
 * /facility/incidents}; the operator's list (open ones first, with their age) and the handling of one at {@code
 * /operator/incidents}. Times are entered and shown in JST.
 */
@Controller
class IncidentPages {

    private final IncidentDesk desk;
    private final StaffRegistry staff;
    private final FacilityRegistry facilities;
    private final PageMessages messages;
    private final Clock clock;

    IncidentPages(IncidentDesk desk, StaffRegistry staff, FacilityRegistry facilities, PageMessages messages,
            Clock clock) {
        this.desk = desk;
        this.staff = staff;
        this.facilities = facilities;
        this.messages = messages;
        this.clock = clock;
    }

    /** The report form as typed. */
    record Form(String kind, String noticedAt, String description, String staff, String device, Boolean suspend) {

        public boolean suspendUser() {
            return Boolean.TRUE.equals(suspend);
        }
    }

    /** An incident with what a list shows beside it. */
    record Row(Incident incident, String facility, String user, long days, long hours) {
    }

    @ModelAttribute("kinds")
    IncidentKind[] kinds() {
        return IncidentKind.values();
    }

    @GetMapping("/facility/incidents")
    String facilityList(Actor actor, Model model) {
        return facilityPage(actor, model, new Form(null, null, null, null, null, null), null);
    }

    @PostMapping("/facility/incidents")
    String report(@ModelAttribute Form form, Actor actor, Model model, HttpServletResponse response) {
        try {
            UUID id = desk.report(new IncidentReport(kind(form.kind()), time(form.noticedAt()), form.description(),
                    staffId(form.staff()), form.device(), form.suspendUser()), actor);
            return "redirect:/facility/incidents/" + id + "?reported";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return facilityPage(actor, model, form, messages.text(e));
        }
    }

    /** A user with an IC-card login reports an incident (their own loss names them as the user concerned). */
    @GetMapping("/incidents")
    String staffForm(Actor actor, Model model) {
        requireCardUser(actor);
        model.addAttribute("form", new Form(null, null, null, null, null, null));
        return "incident/staff";
    }

    @PostMapping("/incidents")
    String staffReport(@ModelAttribute Form form, Actor actor, Model model, HttpServletResponse response) {
        requireCardUser(actor);
        try {
            IncidentKind kind = kind(form.kind());
            StaffId self = kind != null && kind.isLoss() ? new StaffId(actor.staffId()) : null;
            desk.report(new IncidentReport(kind, time(form.noticedAt()), form.description(), self, form.device(),
                    false), actor);
            return "redirect:/incidents?reported";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("form", form);
            model.addAttribute("error", messages.text(e));
            return "incident/staff";
        }
    }

    private static void requireCardUser(Actor actor) {
        if (!actor.isStaff() || actor.staffId() == null || !IncidentDesk.mayReport(actor)) {
            throw new NotFoundException("incident form");
        }
    }

    @GetMapping("/facility/incidents/{id}")
    String facilityIncident(@PathVariable UUID id, Actor actor, Model model) {
        return detail(id, actor, model, null);
    }

    @GetMapping("/operator/incidents")
    String operatorList(Actor actor, Model model) {
        model.addAttribute("rows", rows(desk.all(actor)));
        model.addAttribute("operator", true);
        return "incident/list";
    }

    @GetMapping("/operator/incidents/{id}")
    String operatorIncident(@PathVariable UUID id, Actor actor, Model model) {
        return detail(id, actor, model, null);
    }

    @PostMapping("/operator/incidents/{id}/steps")
    String advance(@PathVariable UUID id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String note, Actor actor, Model model, HttpServletResponse response) {
        try {
            desk.advance(id, status(status), note, actor);
            return "redirect:/operator/incidents/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return detail(id, actor, model, messages.text(e));
        }
    }

    private String facilityPage(Actor actor, Model model, Form form, String error) {
        FacilityId facility = new FacilityId(actor.facility().orElseThrow(() -> new NotFoundException("facility")));
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("users", staff.ofFacility(facility).stream().filter(m -> m.status().isMember()).toList());
        model.addAttribute("rows", rows(desk.ofOwnFacility(actor)));
        return "incident/facility";
    }

    private String detail(UUID id, Actor actor, Model model, String error) {
        Incident incident = desk.get(id, actor);
        model.addAttribute("row", rows(List.of(incident)).get(0));
        model.addAttribute("steps", desk.steps(id, actor));
        model.addAttribute("operator", actor.isOperator());
        model.addAttribute("statuses", Arrays.stream(IncidentStatus.values())
                .filter(s -> incident.status().mayMoveTo(s)).toList());
        model.addAttribute("error", error);
        return "incident/detail";
    }

    private List<Row> rows(List<Incident> incidents) {
        Map<FacilityId, String> names = facilities.names();
        Map<StaffId, String> users = new HashMap<>();
        Instant now = clock.instant();
        return incidents.stream().map(i -> {
            String user = i.staff() == null ? null : users.computeIfAbsent(i.staff(),
                    s -> staff.find(s).map(StaffMember::fullName).orElse(s.toString()));
            Duration age = i.age(now);
            return new Row(i, names.get(i.facility()), user, age.toDays(), age.toHoursPart());
        }).toList();
    }

    private static IncidentKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(IncidentKind.values()).filter(k -> k.name().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidInputException("incident.kind.missing"));
    }

    private static IncidentStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(IncidentStatus.values()).filter(k -> k.name().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidInputException("incident.status.missing"));
    }

    private static StaffId staffId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return StaffId.of(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("incident.staff.notOwn");
        }
    }

    /** A time typed in JST ({@code 2026-11-30T09:30}, the browser's date-time field). */
    private static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip().replace(' ', 'T')).atZone(JapanTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("incident.noticedAt.invalid", text);
        }
    }
}

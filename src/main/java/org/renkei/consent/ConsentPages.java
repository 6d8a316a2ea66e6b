package org.renkei.consent;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.renkei.access.DataKind;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.identity.Actor;
import org.renkei.platform.time.JapanTime;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.renkei.platform.web.PageMessages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator's consent pages: the registration queue with due dates, a form with its review and the register
 * and reject acts, participants (search, likely duplicates, details, history, state on a past day) and the
 * printable participant card.
 */
@Controller
class ConsentPages {

    private final ConsentDesk desk;
    private final ParticipantDirectory directory;
    private final FacilityRegistry facilities;
    private final PageMessages messages;
    private final Clock clock;

    ConsentPages(ConsentDesk desk, ParticipantDirectory directory, FacilityRegistry facilities, PageMessages messages,
            Clock clock) {
        this.desk = desk;
        this.directory = directory;
        this.facilities = facilities;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/operator/consent")
    String queue(Actor actor, Model model) {
        model.addAttribute("forms", desk.queue(actor));
        model.addAttribute("names", facilityNames(facilities));
        model.addAttribute("today", JapanTime.today(clock));
        return "consent/queue";
    }

    @GetMapping("/operator/consent/forms/{id}")
    String form(@PathVariable UUID id, Actor actor, Model model) {
        return formPage(id, actor, model, null);
    }

    @PostMapping("/operator/consent/forms/{id}/register")
    String register(@PathVariable UUID id, Actor actor, Model model, HttpServletResponse response) {
        try {
            ParticipantId participant = desk.register(id, actor);
            return "redirect:/operator/consent/participants/" + participant + "?registered=" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return formPage(id, actor, model, messages.text(e));
        }
    }

    @PostMapping("/operator/consent/forms/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, Actor actor, Model model,
            HttpServletResponse response) {
        try {
            desk.reject(id, reason, actor);
            return "redirect:/operator/consent";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return formPage(id, actor, model, messages.text(e));
        }
    }

    @GetMapping("/operator/consent/forms/{id}/scan")
    ResponseEntity<byte[]> scan(@PathVariable UUID id, Actor actor) {
        FormEntry.Scan scan = desk.scan(id, actor).orElseThrow(() -> new NotFoundException("scan"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(scan.contentType()))
                .header("Content-Disposition", "inline")
                .header("X-Content-Type-Options", "nosniff")
                .body(scan.content());
    }

    @GetMapping("/operator/consent/participants")
    String participants(@RequestParam(required = false) String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
            @RequestParam(required = false) String card, Actor actor, Model model, HttpServletResponse response) {
        model.addAttribute("name", name);
        model.addAttribute("birthDate", birthDate);
        model.addAttribute("card", card);
        model.addAttribute("duplicates", directory.likelyDuplicates(actor));
        try {
            if (card != null && !card.isBlank()) {
                model.addAttribute("found", directory.byCardNumber(actor, card).map(List::of).orElse(List.of()));
            } else if ((name != null && !name.isBlank()) || birthDate != null) {
                model.addAttribute("found", directory.search(actor, name, birthDate));
            }
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", messages.text(e));
        }
        return "consent/participants";
    }

    @GetMapping("/operator/consent/participants/{id}")
    String participant(@PathVariable ParticipantId id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) UUID registered, Actor actor, Model model) {
        Participant participant = directory.get(actor, id, DataKind.CONSENT);
        model.addAttribute("participant", participant);
        model.addAttribute("links", directory.links(actor, id).values());
        model.addAttribute("history", directory.history(actor, id));
        model.addAttribute("forms", desk.formsOfParticipant(id, actor));
        model.addAttribute("names", facilityNames(facilities));
        model.addAttribute("registered", registered);
        if (on != null) {
            model.addAttribute("on", on);
            model.addAttribute("stateOn", directory.consentOn(actor, id, on));
        }
        return "consent/participant";
    }

    /** The printable participant card (PAR-03). */
    @GetMapping("/operator/consent/participants/{id}/card")
    String card(@PathVariable ParticipantId id, Actor actor, Model model) {
        model.addAttribute("participant", directory.get(actor, id, DataKind.PARTICIPANT_PROFILE));
        return "consent/card";
    }

    private String formPage(UUID id, Actor actor, Model model, String error) {
        ConsentForm form = desk.form(id, actor);
        ConsentDesk.Review review = desk.review(id, actor);
        model.addAttribute("form", form);
        model.addAttribute("review", review);
        model.addAttribute("names", facilityNames(facilities));
        model.addAttribute("today", JapanTime.today(clock));
        model.addAttribute("error", error);
        model.addAttribute("problem", review.problem().map(messages::text).orElse(null));
        return "consent/form";
    }

    /** Facility names by id, for the pages. */
    static Map<FacilityId, String> facilityNames(FacilityRegistry facilities) {
        return facilities.names();
    }
}

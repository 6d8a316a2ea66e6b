package org.renkei.consent;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.renkei.facility.Facility;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.identity.Actor;
import org.renkei.platform.time.JapanTime;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.renkei.platform.web.PageMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Entering paper forms: reception staff and the administrator of the receiving facility, or the support centre
 * for a faxed form. The facility sees its own forms and where they are.
 */
@Controller
class FormEntryPages {

    private final ConsentDesk desk;
    private final FacilityRegistry facilities;
    private final PageMessages messages;
    private final Clock clock;

    FormEntryPages(ConsentDesk desk, FacilityRegistry facilities, PageMessages messages, Clock clock) {
        this.desk = desk;
        this.facilities = facilities;
        this.messages = messages;
        this.clock = clock;
    }

    /** The facility's forms, newest first. */
    @GetMapping("/consent/forms")
    String list(Actor actor, Model model) {
        FacilityId facility = ownFacility(actor);
        model.addAttribute("facility", facilities.get(facility));
        model.addAttribute("forms", desk.formsOf(actor));
        model.addAttribute("today", JapanTime.today(clock));
        return "consent/forms";
    }

    @GetMapping("/consent/forms/new")
    String blank(@RequestParam(defaultValue = "NEW") FormKind kind, Actor actor, Model model) {
        String receiving = actor.isOperator() ? "" : ownFacility(actor).toString();
        return page(model, actor, FormInput.blank(kind, receiving, JapanTime.today(clock)), null);
    }

    @PostMapping("/consent/forms")
    String enter(@ModelAttribute FormInput input, @RequestParam(required = false) MultipartFile scan, Actor actor,
            Model model, HttpServletResponse response) throws IOException {
        try {
            FacilityId receiving = actor.isOperator() ? receiving(input) : ownFacility(actor);
            FormEntry.Scan image = null;
            if (scan != null && !scan.isEmpty()) {
                if (scan.getSize() > ConsentDesk.MAX_SCAN_BYTES) {
                    throw new InvalidInputException("consent.scan.tooLarge", ConsentDesk.MAX_SCAN_BYTES / (1024 * 1024));
                }
                image = new FormEntry.Scan(String.valueOf(scan.getContentType()), scan.getBytes());
            }
            UUID id = desk.enter(input.entry(receiving, image), actor);
            return actor.isOperator() ? "redirect:/operator/consent/forms/" + id : "redirect:/consent/forms/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, actor, input, messages.text(e));
        }
    }

    /** One of the facility's forms. */
    @GetMapping("/consent/forms/{id}")
    String form(@PathVariable UUID id, Actor actor, Model model) {
        if (actor.isOperator()) {
            return "redirect:/operator/consent/forms/" + id;
        }
        ConsentForm form = desk.formOfFacility(id, actor);
        model.addAttribute("form", form);
        model.addAttribute("names", ConsentPages.facilityNames(facilities));
        model.addAttribute("today", JapanTime.today(clock));
        return "consent/entered";
    }

    private String page(Model model, Actor actor, FormInput input, String error) {
        List<Facility> active = facilities.all().stream().filter(Facility::isActive)
                .sorted(Comparator.comparing(Facility::name)).toList();
        model.addAttribute("input", input);
        model.addAttribute("kind", input.formKind());
        model.addAttribute("kinds", FormKind.values());
        model.addAttribute("signers", Signer.values());
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("activeFacilities", active);
        model.addAttribute("allFacilities", facilities.all().stream().filter(f -> f.status().isMember() || f.withdrawnOn() != null)
                .sorted(Comparator.comparing(Facility::name)).toList());
        model.addAttribute("rows", java.util.stream.IntStream.range(0, FormInput.ROWS).boxed().toList());
        model.addAttribute("operator", actor.isOperator());
        model.addAttribute("receivingName", actor.isOperator() ? null
                : facilities.get(ownFacility(actor)).name());
        model.addAttribute("error", error);
        return "consent/entry";
    }

    private static FacilityId receiving(FormInput input) {
        try {
            return FacilityId.of(input.receivingFacility().strip());
        } catch (RuntimeException e) {
            throw new InvalidInputException("consent.receiving.missing");
        }
    }

    /** Staff and administrators act for their own facility; others have no forms here. */
    private static FacilityId ownFacility(Actor actor) {
        if (actor.facilityId() == null) {
            throw new NotFoundException("facility");
        }
        return new FacilityId(actor.facilityId());
    }
}

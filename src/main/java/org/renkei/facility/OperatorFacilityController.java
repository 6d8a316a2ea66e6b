package org.renkei.facility;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.renkei.filing.Filing;
import org.renkei.filing.FilingDesk;
import org.renkei.filing.FilingId;
import org.renkei.filing.FilingKind;
import org.renkei.platform.web.NotFoundException;
import org.renkei.identity.Actor;
import org.renkei.identity.LoginAccounts;
import org.renkei.platform.time.JapanTime;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.PageMessages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's facility pages: list, new and change applications, withdrawal, suspension. */
@Controller
@RequestMapping("/operator/facilities")
class OperatorFacilityController {

    private final FacilityRegistry registry;
    private final FilingDesk filings;
    private final LoginAccounts accounts;
    private final PageMessages messages;
    private final Clock clock;

    OperatorFacilityController(FacilityRegistry registry, FilingDesk filings, LoginAccounts accounts,
            PageMessages messages, Clock clock) {
        this.registry = registry;
        this.filings = filings;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("facilities", registry.search(q));
        model.addAttribute("q", q);
        return "facility/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        var form = new FacilityForm();
        LocalDate today = JapanTime.today(clock);
        form.setReceivedOn(today);
        form.setWishedOn(today.plusDays(30));
        return form(model, form, null);
    }

    @PostMapping("/new")
    String applyToJoin(@ModelAttribute("form") FacilityForm form, Actor actor, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            FacilityId id = registry.applyToJoin(form.getKind(), form.getCode(), form.details(), form.getReceivedOn(),
                    form.getWishedOn(), actor);
            redirect.addFlashAttribute("saved", "facility.saved.joined");
            return "redirect:/operator/facilities/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, form, messages.text(e));
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable FacilityId id, Model model) {
        Facility facility = registry.get(id);
        model.addAttribute("facility", facility);
        model.addAttribute("filings", filings.ofFacility(id.value()));
        model.addAttribute("history", registry.history(id));
        model.addAttribute("today", JapanTime.today(clock));
        return "facility/detail";
    }

    /** The details a pending change application proposes, beside the current ones (a fragment). */
    @GetMapping("/{id}/proposed/{filingId}")
    String proposedChange(@PathVariable FacilityId id, @PathVariable String filingId, Model model) {
        Filing filing;
        try {
            filing = filings.find(FilingId.of(filingId)).orElseThrow(() -> new NotFoundException("application"));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("application");
        }
        if (filing.kind() != FilingKind.FACILITY_CHANGE || !filing.facilityId().equals(id.value())) {
            throw new NotFoundException("application");
        }
        model.addAttribute("current", registry.get(id).details());
        model.addAttribute("proposed", registry.proposedDetails(filing));
        return "facility/proposed :: changes";
    }

    @GetMapping("/{id}/change")
    String changeForm(@PathVariable FacilityId id, Model model) {
        Facility facility = registry.get(id);
        var form = FacilityForm.of(facility);
        LocalDate today = JapanTime.today(clock);
        form.setReceivedOn(today);
        form.setWishedOn(today.plusDays(30));
        model.addAttribute("facility", facility);
        return form(model, form, null);
    }

    @PostMapping("/{id}/change")
    String applyForChange(@PathVariable FacilityId id, @ModelAttribute("form") FacilityForm form, Actor actor,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            registry.applyForChange(id, form.details(), form.getReceivedOn(), form.getWishedOn(), actor);
            redirect.addFlashAttribute("saved", "facility.saved.change");
            return "redirect:/operator/facilities/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("facility", registry.get(id));
            return form(model, form, messages.text(e));
        }
    }

    @PostMapping("/{id}/withdraw")
    String applyToWithdraw(@PathVariable FacilityId id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate wishedOn,
            Actor actor, RedirectAttributes redirect) {
        return act(id, redirect, "facility.saved.withdraw",
                () -> registry.applyToWithdraw(id, receivedOn, wishedOn, actor));
    }

    @PostMapping("/{id}/suspend")
    String suspend(@PathVariable FacilityId id, @RequestParam(required = false) String reason, Actor actor,
            RedirectAttributes redirect) {
        return act(id, redirect, "facility.saved.suspended", () -> registry.suspend(id, reason, actor));
    }

    @PostMapping("/{id}/reinstate")
    String reinstate(@PathVariable FacilityId id, Actor actor, RedirectAttributes redirect) {
        return act(id, redirect, "facility.saved.reinstated", () -> registry.reinstate(id, actor));
    }

    @PostMapping("/{id}/administrator-account")
    String issueAdministratorAccount(@PathVariable FacilityId id, @RequestParam(required = false) String username,
            Actor actor, RedirectAttributes redirect) {
        Facility facility = registry.get(id);
        if (!facility.isActive()) {
            redirect.addFlashAttribute("problem", messages.text("facility.notMember"));
            return "redirect:/operator/facilities/" + id;
        }
        String administrator = facility.details().peopleIn(FacilityPerson.Role.ADMINISTRATOR).stream()
                .findFirst().map(FacilityPerson::name).orElse(facility.name());
        return act(id, redirect, null, () -> {
            String password = accounts.createFacilityAdministrator(username, administrator, id.value());
            redirect.addFlashAttribute("issued", messages.text("facility.detail.adminAccountIssued", username, password));
        });
    }

    private String act(FacilityId id, RedirectAttributes redirect, String savedKey, Runnable action) {
        try {
            action.run();
            if (savedKey != null) {
                redirect.addFlashAttribute("saved", savedKey);
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", messages.text(e));
        }
        return "redirect:/operator/facilities/" + id;
    }

    private String form(Model model, FacilityForm form, String error) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", FacilityKind.values());
        model.addAttribute("error", error);
        return "facility/form";
    }
}

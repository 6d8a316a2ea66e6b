package org.renkei.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.renkei.facility.FacilityId;
import org.renkei.identity.Actor;
import org.renkei.identity.Profession;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.renkei.platform.web.PageMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public self-registration page for a provisional account (USR-03), and the facility administrator's part:
 * the waiting registrations in their console, each with a page to confirm or turn it down.
 */
@Controller
class RegistrationPages {

    private final SelfRegistration registration;
    private final StaffRegistry registry;
    private final PageMessages messages;

    RegistrationPages(SelfRegistration registration, StaffRegistry registry, PageMessages messages) {
        this.registration = registration;
        this.registry = registry;
        this.messages = messages;
    }

    /** The form as typed, kept as text so that a page shown again keeps it (never the passwords). */
    record RegisterForm(String facilityCode, String familyName, String givenName, String familyNameKana,
            String givenNameKana, String profession, String email, String username, String password,
            String confirmation) {

        SelfRegistration.Form parsed() {
            return new SelfRegistration.Form(facilityCode, familyName, givenName, familyNameKana, givenNameKana,
                    profession(profession), email, username, password, confirmation);
        }

        RegisterForm withoutPasswords() {
            return new RegisterForm(facilityCode, familyName, givenName, familyNameKana, givenNameKana, profession,
                    email, username, null, null);
        }

        private static Profession profession(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Profession.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("staff.form.invalid");
            }
        }
    }

    @GetMapping("/register")
    String form(Model model) {
        return formPage(model, new RegisterForm(null, null, null, null, null, null, null, null, null, null), null);
    }

    @PostMapping("/register")
    String register(@ModelAttribute("form") RegisterForm form, Model model, HttpServletResponse response) {
        try {
            registration.register(form.parsed());
            return "redirect:/register/done";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return formPage(model, form.withoutPasswords(), messages.text(e));
        }
    }

    @GetMapping("/register/done")
    String done() {
        return "staff/registered";
    }

    /** The registrations waiting for this administrator, as a fragment of their console. */
    @GetMapping("/facility/registrations")
    String waiting(Actor actor, Model model) {
        model.addAttribute("registrations", registration.waitingFor(ownFacility(actor)));
        return "staff/registrations :: waiting";
    }

    @GetMapping("/facility/registrations/{id}")
    String review(@PathVariable UUID id, Actor actor, Model model) {
        ProvisionalRegistration r = own(id, actor);
        model.addAttribute("registration", r);
        model.addAttribute("member", r.staffId() == null ? null : registry.find(r.staffId()).orElse(null));
        model.addAttribute("validUntil", r.decidedAt() == null ? null : SelfRegistration.validUntil(r.decidedAt()));
        return "staff/registration";
    }

    @PostMapping("/facility/registrations/{id}/confirm")
    String confirm(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
        own(id, actor);
        return act(id, redirect, "register.saved.confirmed", () -> registration.confirm(id, actor));
    }

    @PostMapping("/facility/registrations/{id}/reject")
    String reject(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
        own(id, actor);
        return act(id, redirect, "register.saved.rejected", () -> registration.reject(id, actor));
    }

    private String act(UUID id, RedirectAttributes redirect, String savedKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", messages.text(savedKey));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", messages.text(e));
        }
        return "redirect:/facility/registrations/" + id;
    }

    private String formPage(Model model, RegisterForm form, String error) {
        model.addAttribute("form", form);
        model.addAttribute("professions", Profession.values());
        model.addAttribute("error", error);
        return "staff/register";
    }

    private static FacilityId ownFacility(Actor actor) {
        return new FacilityId(actor.facility().orElseThrow(() -> new NotFoundException("facility")));
    }

    /** A registration for the administrator's own facility; anyone else's is not found. */
    private ProvisionalRegistration own(UUID id, Actor actor) {
        return registration.find(id).filter(r -> actor.administers(r.facility().value()))
                .orElseThrow(() -> new NotFoundException("registration"));
    }
}

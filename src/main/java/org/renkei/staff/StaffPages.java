package org.renkei.staff;

import org.renkei.identity.Profession;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.renkei.facility.Facility;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.filing.FilingKind;
import org.renkei.identity.Actor;
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
import org.springframework.web.bind.annotation.RequestParam;

/** The operator's pages for users: a facility's list, the add application form, a user's details and acts. */
@Controller
class StaffPages {

    private final StaffRegistry registry;
    private final FacilityRegistry facilities;
    private final FilingDesk filings;
    private final PageMessages messages;
    private final Clock clock;

    StaffPages(StaffRegistry registry, FacilityRegistry facilities, FilingDesk filings, PageMessages messages,
            Clock clock) {
        this.registry = registry;
        this.facilities = facilities;
        this.filings = filings;
        this.messages = messages;
        this.clock = clock;
    }

    /** What the add application form holds, as typed: kept as text so that a page shown again keeps it all. */
    record AddForm(String familyName, String givenName, String familyNameKana, String givenNameKana,
            String profession, String email, String receivedOn, String wishedOn) {

        NewStaff details() {
            return new NewStaff(familyName, givenName, familyNameKana, givenNameKana, parseProfession(), email);
        }

        private Profession parseProfession() {
            if (profession == null || profession.isBlank()) {
                return null;
            }
            try {
                return Profession.valueOf(profession);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("staff.form.invalid");
            }
        }

        static LocalDate date(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("staff.form.invalid");
            }
        }
    }

    /** The facility's users, as a fragment loaded into the facility's page. */
    @GetMapping("/operator/facilities/{facilityId}/staff")
    String ofFacility(@PathVariable FacilityId facilityId, Model model) {
        Facility facility = facilities.get(facilityId);
        model.addAttribute("facility", facility);
        model.addAttribute("staff", registry.ofFacility(facility.id()));
        return "staff/fragments :: table";
    }

    @GetMapping("/operator/facilities/{facilityId}/staff/new")
    String addForm(@PathVariable FacilityId facilityId, Model model) {
        Facility facility = facilities.get(facilityId);
        LocalDate today = JapanTime.today(clock);
        return addPage(model, facility, new AddForm(null, null, null, null, null, null, today.toString(),
                today.plusDays(FilingKind.STAFF_ADD.leadDays()).toString()), null);
    }

    @PostMapping("/operator/facilities/{facilityId}/staff/new")
    String add(@PathVariable FacilityId facilityId, @ModelAttribute("form") AddForm form, Actor actor, Model model,
            HttpServletResponse response) {
        Facility facility = facilities.get(facilityId);
        try {
            StaffId id = registry.applyToAdd(facility.id(), form.details(), AddForm.date(form.receivedOn()),
                    AddForm.date(form.wishedOn()), actor);
            return "redirect:/operator/staff/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return addPage(model, facility, form, messages.text(e));
        }
    }

    @GetMapping("/operator/staff/{id}")
    String detail(@PathVariable StaffId id, Model model) {
        return detailPage(model, registry.get(id), null);
    }

    @PostMapping("/operator/staff/{id}/withdrawal")
    String applyToWithdraw(@PathVariable StaffId id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate wishedOn,
            Actor actor, Model model, HttpServletResponse response) {
        StaffMember member = registry.get(id);
        return act(member, model, response, () -> registry.applyToWithdraw(member.id(), receivedOn, wishedOn, actor));
    }

    @PostMapping("/operator/staff/{id}/suspend")
    String suspend(@PathVariable StaffId id, @RequestParam(required = false) String reason, Actor actor,
            Model model, HttpServletResponse response) {
        StaffMember member = registry.get(id);
        return act(member, model, response, () -> registry.suspend(member.id(), reason, actor));
    }

    @PostMapping("/operator/staff/{id}/reinstate")
    String reinstate(@PathVariable StaffId id, Actor actor, Model model, HttpServletResponse response) {
        StaffMember member = registry.get(id);
        return act(member, model, response, () -> registry.reinstate(member.id(), actor));
    }

    private String act(StaffMember member, Model model, HttpServletResponse response, Runnable action) {
        try {
            action.run();
            return "redirect:/operator/staff/" + member.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return detailPage(model, registry.get(member.id()), messages.text(e));
        }
    }

    private String addPage(Model model, Facility facility, AddForm form, String error) {
        model.addAttribute("facility", facility);
        model.addAttribute("form", form);
        model.addAttribute("professions", Profession.values());
        model.addAttribute("error", error);
        return "staff/new";
    }

    private String detailPage(Model model, StaffMember member, String error) {
        LocalDate today = JapanTime.today(clock);
        model.addAttribute("member", member);
        model.addAttribute("facility", facilities.get(member.facility()));
        model.addAttribute("history", registry.history(member.id()));
        model.addAttribute("filings", filings.ofStaff(member.id().value()));
        model.addAttribute("today", today);
        model.addAttribute("withdrawalWishedOn", today.plusDays(FilingKind.STAFF_WITHDRAWAL.leadDays()));
        model.addAttribute("error", error);
        return "staff/detail";
    }

}

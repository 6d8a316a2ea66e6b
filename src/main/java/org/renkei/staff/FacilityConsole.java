package org.renkei.staff;

import jakarta.servlet.http.HttpServletResponse;
import org.renkei.facility.Facility;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.identity.Actor;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.renkei.platform.web.PageMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The facility administrator's console: their own facility, its users — whom they may suspend and reinstate
 * (FAC-05) — and a place for the facility's notices. A user of another facility is not found here.
 */
@Controller
class FacilityConsole {

    private final StaffRegistry registry;
    private final FacilityRegistry facilities;
    private final PageMessages messages;

    FacilityConsole(StaffRegistry registry, FacilityRegistry facilities, PageMessages messages) {
        this.registry = registry;
        this.facilities = facilities;
        this.messages = messages;
    }

    @GetMapping("/facility")
    String console(Actor actor, Model model) {
        return page(model, ownFacility(actor), null);
    }

    @PostMapping("/facility/staff/{id}/suspend")
    String suspend(@PathVariable StaffId id, @RequestParam(required = false) String reason, Actor actor,
            Model model, HttpServletResponse response) {
        StaffMember member = ownStaff(id, actor);
        return act(actor, model, response, () -> registry.suspend(member.id(), reason, actor));
    }

    @PostMapping("/facility/staff/{id}/reinstate")
    String reinstate(@PathVariable StaffId id, Actor actor, Model model, HttpServletResponse response) {
        StaffMember member = ownStaff(id, actor);
        return act(actor, model, response, () -> registry.reinstate(member.id(), actor));
    }

    private String act(Actor actor, Model model, HttpServletResponse response, Runnable action) {
        try {
            action.run();
            return "redirect:/facility";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, ownFacility(actor), messages.text(e));
        }
    }

    private String page(Model model, Facility facility, String error) {
        model.addAttribute("facility", facility);
        model.addAttribute("staff", registry.ofFacility(facility.id()));
        model.addAttribute("error", error);
        return "staff/console";
    }

    private Facility ownFacility(Actor actor) {
        return facilities.get(new FacilityId(actor.facility().orElseThrow(() -> new NotFoundException("facility"))));
    }

    /** A user of the administrator's own facility; anyone else's is not found. */
    private StaffMember ownStaff(StaffId id, Actor actor) {
        return registry.find(id)
                .filter(member -> actor.administers(member.facility().value()))
                .orElseThrow(() -> new NotFoundException("staff member"));
    }
}

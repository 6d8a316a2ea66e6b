package org.renkei.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.renkei.identity.CardViews.HolderRow;
import org.renkei.identity.CardViews.RequestRow;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.renkei.platform.web.PageMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The facility administrator's card page ({@code /facility/cards}): their users with their network cards, the
 * request form (a first card, or a re-issue of a lost or broken one) and the facility's requests with the
 * operator's decisions. Only users of their own facility can be chosen; any other is not found.
 */
@Controller
class FacilityCardPages {

    private final CardRequestDesk desk;
    private final NetworkCardAuthority authority;
    private final StaffDirectory directory;
    private final CardHolders holders;
    private final PageMessages messages;

    FacilityCardPages(CardRequestDesk desk, NetworkCardAuthority authority, StaffDirectory directory,
            CardHolders holders, PageMessages messages) {
        this.desk = desk;
        this.authority = authority;
        this.directory = directory;
        this.holders = holders;
        this.messages = messages;
    }

    @GetMapping("/facility/cards")
    String page(Actor actor, Model model) {
        return page(model, facilityOf(actor), null, null, null, null);
    }

    @PostMapping("/facility/cards/requests")
    String request(@RequestParam(required = false) String staffId, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        UUID facility = facilityOf(actor);
        UUID staff = staffId == null || staffId.isBlank() ? null : CardViews.id(staffId);
        try {
            if (staff == null) {
                throw new InvalidInputException("ca.request.staff.missing");
            }
            desk.request(staff, reason(reason), note, actor);
            redirect.addFlashAttribute("done", messages.text("ca.request.done"));
            return "redirect:/facility/cards";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, facility, messages.text(e), staff, reason, note);
        }
    }

    private String page(Model model, UUID facility, String error, UUID staffId, String reason, String note) {
        model.addAttribute("facilityName", holders.facilityName(facility).orElse(""));
        model.addAttribute("holders", holders.ofFacility(facility).stream()
                .map(p -> new HolderRow(p, authority.validCardsOf(p.staffId()))).toList());
        model.addAttribute("requests", desk.ofFacility(facility).stream()
                .map(r -> RequestRow.of(r, directory, holders)).toList());
        model.addAttribute("reasons", CardRequest.Reason.values());
        model.addAttribute("selectedStaff", staffId);
        model.addAttribute("selectedReason", reason);
        model.addAttribute("note", note);
        model.addAttribute("error", error);
        return "ca/facility";
    }

    private static CardRequest.Reason reason(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return CardRequest.Reason.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID facilityOf(Actor actor) {
        return actor.facility().orElseThrow(() -> new NotFoundException("facility"));
    }
}

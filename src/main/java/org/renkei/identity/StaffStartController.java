package org.renkei.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page of a staff member's session: who is logged in, for which facility, and how. */
@Controller
class StaffStartController {

    private final StaffDirectory staff;
    private final CardHolders holders;
    private final CardCertificates cards;

    StaffStartController(StaffDirectory staff, CardHolders holders, CardCertificates cards) {
        this.staff = staff;
        this.holders = holders;
        this.cards = cards;
    }

    @GetMapping("/staff")
    String start(Actor actor, Model model) {
        if (!actor.isStaff()) {
            return "redirect:/console";
        }
        model.addAttribute("actor", actor);
        model.addAttribute("profile", staff.profile(actor.staffId()).orElse(null));
        model.addAttribute("facilityName", holders.facilityName(actor.facilityId()).orElse(""));
        model.addAttribute("card", actor.authLevel().isCard() ? cards.find(actor.accountId()).orElse(null) : null);
        return "card/start";
    }
}

package org.renkei.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page of a staff member's session: who is logged in, for which facility, and how. */
@Controller
class StaffStartController {

    private final StaffDirectory staff;
    private final CardCertificates cards;

    StaffStartController(StaffDirectory staff, CardCertificates cards) {
        this.staff = staff;
        this.cards = cards;
    }

    @GetMapping("/staff")
    String start(Actor actor, Model model) {
        if (!actor.isStaff()) {
            return "redirect:/console";
        }
        model.addAttribute("actor", actor);
        model.addAttribute("profile", staff.profile(actor.staffId()).orElse(null));
        model.addAttribute("card", actor.authLevel().isCard() ? cards.find(actor.accountId()).orElse(null) : null);
        return "card/start";
    }
}

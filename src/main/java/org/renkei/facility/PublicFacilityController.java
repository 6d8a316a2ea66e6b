package org.renkei.facility;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public list of participating facilities, with joined and withdrawn dates (FAC-07). No login. */
@Controller
class PublicFacilityController {

    private final FacilityRegistry registry;

    PublicFacilityController(FacilityRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/public/facilities")
    String list(Model model) {
        model.addAttribute("facilities", registry.publicList());
        return "facility/public";
    }
}

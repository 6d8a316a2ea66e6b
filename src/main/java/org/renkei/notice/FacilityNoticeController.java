package org.renkei.notice;

import java.util.UUID;
import org.renkei.identity.Actor;
import org.renkei.platform.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A facility administrator's notices (a fragment of their console), and the operator's copy of them. */
@Controller
class FacilityNoticeController {

    private final FacilityNotices notices;

    FacilityNoticeController(FacilityNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/facility/notices")
    String own(Actor actor, Model model) {
        UUID facility = actor.facility().orElseThrow(() -> new NotFoundException("facility"));
        model.addAttribute("notices", notices.of(facility));
        model.addAttribute("canMarkRead", true);
        return "notice/list :: notices";
    }

    @PostMapping("/facility/notices/{id}/read")
    String markRead(@PathVariable UUID id, Actor actor, Model model) {
        UUID facility = actor.facility().orElseThrow(() -> new NotFoundException("facility"));
        notices.markRead(id, facility, actor.displayName() + " (" + actor.username() + ")");
        return own(actor, model);
    }

    @GetMapping("/operator/facilities/{facilityId}/notices")
    String ofFacility(@PathVariable UUID facilityId, Model model) {
        model.addAttribute("notices", notices.of(facilityId));
        model.addAttribute("canMarkRead", false);
        return "notice/list :: notices";
    }
}

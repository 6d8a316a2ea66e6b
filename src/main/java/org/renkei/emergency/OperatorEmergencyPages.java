package org.renkei.emergency;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.renkei.identity.Actor;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.PageMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The operator's review queue of emergency access (EMG-04): confirm it, or flag it as misuse. */
@Controller
class OperatorEmergencyPages {

    private final EmergencyAccess emergency;
    private final PageMessages messages;

    OperatorEmergencyPages(EmergencyAccess emergency, PageMessages messages) {
        this.emergency = emergency;
        this.messages = messages;
    }

    @GetMapping("/operator/emergency")
    String queue(Actor actor, Model model) {
        model.addAttribute("pending", emergency.pending(actor));
        model.addAttribute("reviewed", emergency.reviewed(actor));
        return "emergency/review";
    }

    @PostMapping("/operator/emergency/{id}/confirm")
    String confirm(@PathVariable UUID id, @RequestParam(required = false) String note, Actor actor, Model model,
            HttpServletResponse response) {
        try {
            emergency.confirm(id, note, actor);
        } catch (InvalidInputException e) {
            return problem(e, actor, model, response);
        }
        return "redirect:/operator/emergency";
    }

    @PostMapping("/operator/emergency/{id}/misuse")
    String misuse(@PathVariable UUID id, @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "false") boolean suspend, Actor actor, Model model,
            HttpServletResponse response) {
        try {
            emergency.misuse(id, note, suspend, actor);
        } catch (InvalidInputException e) {
            return problem(e, actor, model, response);
        }
        return "redirect:/operator/emergency";
    }

    private String problem(InvalidInputException e, Actor actor, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", messages.text(e));
        return queue(actor, model);
    }
}

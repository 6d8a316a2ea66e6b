package org.renkei.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.PageMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The operator's page of a user's IC-card certificates: register an HPKI card, revoke a registration. */
@Controller
@RequestMapping("/operator/staff/{staffId}/cards")
class OperatorCardController {

    private final CardRegistrations registrations;
    private final PageMessages messages;

    OperatorCardController(CardRegistrations registrations, PageMessages messages) {
        this.registrations = registrations;
        this.messages = messages;
    }

    @GetMapping
    String cards(@PathVariable UUID staffId, Model model) {
        return page(staffId, model, null);
    }

    @PostMapping
    String register(@PathVariable UUID staffId, @RequestParam(name = "certificate", required = false)
            MultipartFile certificate, Actor actor, Model model, HttpServletResponse response) throws IOException {
        try {
            registrations.registerHpki(staffId, certificate == null ? null : certificate.getBytes(), actor);
            return "redirect:/operator/staff/" + staffId + "/cards?registered";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(staffId, model, messages.text(e));
        }
    }

    @PostMapping("/{cardId}/revoke")
    String revoke(@PathVariable UUID staffId, @PathVariable UUID cardId,
            @RequestParam(required = false) String reason, Actor actor, Model model, HttpServletResponse response) {
        try {
            registrations.revoke(staffId, cardId, reason, actor);
            return "redirect:/operator/staff/" + staffId + "/cards?revoked";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(staffId, model, messages.text(e));
        }
    }

    private String page(UUID staffId, Model model, String error) {
        model.addAttribute("profile", registrations.profile(staffId));
        model.addAttribute("cards", registrations.ofStaff(staffId));
        model.addAttribute("reasons", CardRegistrations.REVOCATION_REASONS.stream().sorted().toList());
        model.addAttribute("error", error);
        return "card/cards";
    }
}

package org.renkei.emergency;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.renkei.consent.Sex;
import org.renkei.identity.Actor;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.PageMessages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff member's emergency pages (EMG-01, EMG-03, EMG-04): the button's reason form, the search over all
 * participants, and opening one — after which the record viewer shows that participant's records, because the
 * access decision permits it through the grant.
 */
@Controller
class EmergencyPages {

    private final EmergencyAccess emergency;
    private final EmergencySettings settings;
    private final PageMessages messages;

    EmergencyPages(EmergencyAccess emergency, EmergencySettings settings, PageMessages messages) {
        this.emergency = emergency;
        this.settings = settings;
        this.messages = messages;
    }

    /** The button: asks for the reason. */
    @GetMapping("/emergency")
    String start(Actor actor, Model model) {
        emergency.requireButton(actor, "show");
        return form(actor, model, null, null);
    }

    @PostMapping("/emergency")
    String press(@RequestParam(required = false) String reason, @RequestParam(required = false) String reasonText,
            Actor actor, Model model, HttpServletResponse response) {
        emergency.requireButton(actor, "press");
        try {
            emergency.press(actor, reason(reason), reasonText);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", messages.text(e));
            return form(actor, model, reason, reasonText);
        }
        return "redirect:/emergency/search";
    }

    @GetMapping("/emergency/search")
    String search(@RequestParam(required = false) String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
            @RequestParam(required = false) Sex sex, Actor actor, Model model, HttpServletResponse response) {
        emergency.requireButton(actor, "search");
        var activation = emergency.openActivation(actor);
        if (activation.isEmpty()) {
            return "redirect:/emergency";
        }
        model.addAttribute("activation", activation.get());
        model.addAttribute("name", name);
        model.addAttribute("birthDate", birthDate);
        model.addAttribute("sex", sex);
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("open", emergency.openParticipants(actor));
        model.addAttribute("grantHours", settings.grantDuration().toHours());
        if (name != null || birthDate != null || sex != null) {
            try {
                model.addAttribute("found", emergency.search(actor, name, birthDate, sex));
            } catch (InvalidInputException e) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("error", messages.text(e));
            }
        }
        return "emergency/search";
    }

    /** Opens the chosen participant, and shows their records. */
    @PostMapping("/emergency/open")
    String open(@RequestParam UUID participant, Actor actor) {
        emergency.open(actor, participant);
        return "redirect:/participants/" + participant + "/records";
    }

    @ExceptionHandler(EmergencyRefusedException.class)
    String refused(EmergencyRefusedException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("message", messages.text(e.messageKey()));
        return "emergency/refused";
    }

    private String form(Actor actor, Model model, String reason, String reasonText) {
        model.addAttribute("reasons", EmergencyReason.values());
        model.addAttribute("reason", reason);
        model.addAttribute("reasonText", reasonText);
        model.addAttribute("activation", emergency.openActivation(actor).orElse(null));
        model.addAttribute("open", emergency.openParticipants(actor));
        model.addAttribute("searchMinutes", settings.searchDuration().toMinutes());
        model.addAttribute("grantHours", settings.grantDuration().toHours());
        return "emergency/start";
    }

    private static EmergencyReason reason(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EmergencyReason.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("emergency.reason.missing");
        }
    }
}

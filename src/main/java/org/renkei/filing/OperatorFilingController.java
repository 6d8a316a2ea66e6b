package org.renkei.filing;

import java.time.Clock;
import org.renkei.identity.Actor;
import org.renkei.platform.time.JapanTime;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.renkei.platform.web.PageMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's queue of applications and the page to decide one. */
@Controller
@RequestMapping("/operator/filings")
class OperatorFilingController {

    private final FilingDesk desk;
    private final PageMessages messages;
    private final Clock clock;

    OperatorFilingController(FilingDesk desk, PageMessages messages, Clock clock) {
        this.desk = desk;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String queue(Model model) {
        model.addAttribute("pending", desk.withStatus(FilingStatus.PENDING, 500));
        model.addAttribute("accepted", desk.withStatus(FilingStatus.ACCEPTED, 500));
        model.addAttribute("effective", desk.withStatus(FilingStatus.EFFECTIVE, 20));
        model.addAttribute("refused", desk.withStatus(FilingStatus.REFUSED, 20));
        model.addAttribute("today", JapanTime.today(clock));
        return "filing/queue";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String id, Model model) {
        Filing filing = desk.find(parse(id)).orElseThrow(() -> new NotFoundException("application"));
        model.addAttribute("filing", filing);
        model.addAttribute("reasons", RefusalReason.values());
        model.addAttribute("today", JapanTime.today(clock));
        return "filing/detail";
    }

    @PostMapping("/{id}/accept")
    String accept(@PathVariable String id, Actor actor, RedirectAttributes redirect) {
        return decide(id, redirect, "filing.saved.accepted", () -> desk.accept(parse(id), actor));
    }

    @PostMapping("/{id}/refuse")
    String refuse(@PathVariable String id, @RequestParam(required = false) RefusalReason reason,
            @RequestParam(required = false) String details, Actor actor, RedirectAttributes redirect) {
        return decide(id, redirect, "filing.saved.refused", () -> desk.refuse(parse(id), reason, details, actor));
    }

    private String decide(String id, RedirectAttributes redirect, String savedKey, Runnable decision) {
        try {
            decision.run();
            redirect.addFlashAttribute("saved", savedKey);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", messages.text(e));
        }
        return "redirect:/operator/filings/" + id;
    }

    private static FilingId parse(String id) {
        try {
            return FilingId.of(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("application");
        }
    }
}

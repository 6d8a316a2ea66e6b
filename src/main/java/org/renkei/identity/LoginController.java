package org.renkei.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, and the console entry that sends each kind of account to its own start page. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/console")
    String console(Actor actor) {
        if (actor.isStaff()) {
            return "redirect:/account";
        }
        return actor.isOperator() ? "redirect:/operator" : "redirect:/facility";
    }
}

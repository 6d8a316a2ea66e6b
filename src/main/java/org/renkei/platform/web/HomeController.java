package org.renkei.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public start page. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "index";
    }
}

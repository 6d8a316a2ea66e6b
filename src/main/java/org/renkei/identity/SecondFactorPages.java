package org.renkei.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.renkei.platform.web.NotFoundException;
import org.renkei.platform.web.PageMessages;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second factor's pages: the code asked after the password (or, at the first login of an account that needs
 * one, the enrolment of an authenticator app), and the optional enrolment from one's own account page.
 */
@Controller
class SecondFactorPages {

    private final Accounts accounts;
    private final SecondFactor secondFactor;
    private final LoginSteps steps;
    private final PageMessages messages;

    SecondFactorPages(Accounts accounts, SecondFactor secondFactor, LoginSteps steps, PageMessages messages) {
        this.accounts = accounts;
        this.secondFactor = secondFactor;
        this.steps = steps;
        this.messages = messages;
    }

    @GetMapping("/login/second-factor")
    String loginStep(Actor actor, Model model) {
        return loginPage(model, account(actor), null);
    }

    @PostMapping("/login/second-factor")
    String verify(@RequestParam(required = false) String code, Actor actor, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Account account = account(actor);
        return switch (secondFactor.verify(account.id(), code)) {
            case ACCEPTED -> "redirect:" + steps.stepDone(request, response);
            case LOCKED -> locked(request);
            case REUSED -> refused(response, loginPage(model, account, "totp.code.reused"));
            case WRONG -> refused(response, loginPage(model, account, "totp.code.wrong"));
        };
    }

    @PostMapping("/login/second-factor/enrol")
    String enrolAtLogin(@RequestParam(required = false) String code, Actor actor, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Account account = account(actor);
        return switch (secondFactor.confirmEnrolment(account.id(), code)) {
            case ACCEPTED -> "redirect:" + steps.stepDone(request, response);
            case LOCKED -> locked(request);
            case REUSED, WRONG -> refused(response, loginPage(model, account, "totp.code.wrong"));
        };
    }

    @GetMapping("/account/second-factor")
    String own(Actor actor, Model model) {
        return ownPage(model, account(actor), null);
    }

    @PostMapping("/account/second-factor")
    String enrolOwn(@RequestParam(required = false) String code, Actor actor, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Account account = account(actor);
        return switch (secondFactor.confirmEnrolment(account.id(), code)) {
            case ACCEPTED -> "redirect:/account?enrolled";
            case LOCKED -> locked(request);
            case REUSED, WRONG -> refused(response, ownPage(model, account, "totp.code.wrong"));
        };
    }

    private String loginPage(Model model, Account account, String errorKey) {
        model.addAttribute("account", account);
        model.addAttribute("atLogin", true);
        if (!account.secondFactorEnrolled()) {
            model.addAttribute("enrolment", secondFactor.enrolment(account.id()));
        }
        model.addAttribute("error", errorKey == null ? null : messages.text(errorKey));
        return "account/second-factor";
    }

    private String ownPage(Model model, Account account, String errorKey) {
        model.addAttribute("account", account);
        model.addAttribute("atLogin", false);
        if (!account.secondFactorEnrolled()) {
            model.addAttribute("enrolment", secondFactor.enrolment(account.id()));
        }
        model.addAttribute("error", errorKey == null ? null : messages.text(errorKey));
        return "account/second-factor";
    }

    private static String refused(HttpServletResponse response, String view) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return view;
    }

    /** Too many wrong codes: the account is locked and this session ends. */
    static String locked(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/login?locked";
    }

    private Account account(Actor actor) {
        return accounts.find(actor.accountId()).orElseThrow(() -> new NotFoundException("account"));
    }
}

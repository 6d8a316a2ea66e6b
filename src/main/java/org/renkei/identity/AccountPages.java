package org.renkei.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.renkei.platform.web.PageMessages;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One's own account: what it is and until when, the password's age, the second factor; and the password change
 * (USR-05), which is also the forced step of a login whose password is an initial one or too old.
 */
@Controller
class AccountPages {

    private final Accounts accounts;
    private final PasswordChanges changes;
    private final LoginSteps steps;
    private final PageMessages messages;
    private final LoginSettings settings;
    private final Clock clock;

    AccountPages(Accounts accounts, PasswordChanges changes, LoginSteps steps, PageMessages messages,
            LoginSettings settings, Clock clock) {
        this.accounts = accounts;
        this.changes = changes;
        this.steps = steps;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/account")
    String account(Actor actor, Model model) {
        Optional<Account> account = accounts.find(actor.accountId());
        model.addAttribute("actor", actor);
        model.addAttribute("account", account.orElse(null));
        account.ifPresent(a -> {
            model.addAttribute("state", a.state(clock.instant()));
            model.addAttribute("passwordDueAt", steps.passwordDueAt(a));
        });
        return "account/account";
    }

    @GetMapping("/account/password")
    String passwordForm(Actor actor, Model model) {
        return passwordPage(model, account(actor), null);
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(required = false) String current,
            @RequestParam(required = false) String password, @RequestParam(required = false) String confirmation,
            Actor actor, Model model, HttpServletRequest request, HttpServletResponse response) {
        Account account = account(actor);
        try {
            changes.change(account.id(), current, password, confirmation);
        } catch (InvalidInputException e) {
            if (accounts.find(account.id()).filter(a -> a.lockedAt(clock.instant())).isPresent()) {
                return SecondFactorPages.locked(request);
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return passwordPage(model, account, messages.text(e));
        }
        if (LoginSteps.pendingStep(SecurityContextHolder.getContext().getAuthentication()).isPresent()) {
            return "redirect:" + steps.stepDone(request, response);
        }
        return "redirect:/account?changed";
    }

    private String passwordPage(Model model, Account account, String error) {
        boolean forced = LoginSteps.pendingStep(SecurityContextHolder.getContext().getAuthentication()).isPresent();
        model.addAttribute("account", account);
        model.addAttribute("forced", forced);
        model.addAttribute("initial", account.mustChangePassword());
        model.addAttribute("months", settings.passwordMaxAge().toTotalMonths());
        model.addAttribute("history", settings.passwordHistory());
        model.addAttribute("error", error);
        return "account/password";
    }

    private Account account(Actor actor) {
        return accounts.find(actor.accountId()).orElseThrow(() -> new NotFoundException("account"));
    }
}

package org.renkei.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.renkei.platform.web.PageMessages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The support centre's pages for password accounts: every account with its state, locked accounts first (ACC-01),
 * an account's page (unlock, reset of a lost second factor, renewal of a temporary account), and the issue of a
 * temporary account to a user who cannot use their card (USR-04).
 */
@Controller
class OperatorAccountPages {

    private final Accounts accounts;
    private final LoginAttempts attempts;
    private final SecondFactor secondFactor;
    private final TemporaryAccounts temporary;
    private final LoginSteps steps;
    private final ObjectProvider<StaffDirectory> staff;
    private final PageMessages messages;
    private final Clock clock;

    OperatorAccountPages(Accounts accounts, LoginAttempts attempts, SecondFactor secondFactor,
            TemporaryAccounts temporary, LoginSteps steps, ObjectProvider<StaffDirectory> staff,
            PageMessages messages, Clock clock) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.secondFactor = secondFactor;
        this.temporary = temporary;
        this.steps = steps;
        this.staff = staff;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/operator/accounts")
    String list(Model model) {
        Instant now = clock.instant();
        model.addAttribute("now", now);
        model.addAttribute("locked", accounts.lockedAt(now));
        model.addAttribute("accounts", accounts.all());
        return "account/operator-list";
    }

    @GetMapping("/operator/accounts/{id}")
    String detail(@PathVariable UUID id, Model model) {
        Account account = accounts.find(id).orElseThrow(() -> new NotFoundException("account"));
        model.addAttribute("account", account);
        model.addAttribute("state", account.state(clock.instant()));
        model.addAttribute("passwordDueAt", steps.passwordDueAt(account));
        model.addAttribute("renewable", account.type() == AccountType.TEMPORARY && !account.closed()
                && account.renewals() < TemporaryAccounts.MAX_RENEWALS);
        return "account/operator-detail";
    }

    @PostMapping("/operator/accounts/{id}/unlock")
    String unlock(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
        return act(id, redirect, "account.saved.unlocked", () -> attempts.unlock(id, actor));
    }

    @PostMapping("/operator/accounts/{id}/second-factor/reset")
    String resetSecondFactor(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
        return act(id, redirect, "account.saved.secondFactorReset", () -> secondFactor.reset(id, actor));
    }

    @PostMapping("/operator/accounts/{id}/renew")
    String renew(@PathVariable UUID id, Actor actor, RedirectAttributes redirect) {
        return act(id, redirect, "temporary.saved.renewed", () -> temporary.renew(id, actor));
    }

    @GetMapping("/operator/accounts/temporary")
    String temporaryForm(@RequestParam(required = false) UUID staff, Model model) {
        return temporaryPage(model, staff, null, null);
    }

    @PostMapping("/operator/accounts/temporary")
    String issueTemporary(@RequestParam(required = false) UUID staff, @RequestParam(required = false) String reason,
            Actor actor, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            TemporaryAccounts.Issued issued = temporary.issue(staff, reason, actor);
            redirect.addFlashAttribute("issuedUsername", issued.username());
            redirect.addFlashAttribute("issuedPassword", issued.password());
            return "redirect:/operator/accounts/" + issued.accountId();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return temporaryPage(model, staff, reason, messages.text(e));
        }
    }

    private String temporaryPage(Model model, UUID staffId, String reason, String error) {
        StaffDirectory directory = staff.getIfAvailable();
        Optional<StaffDirectory.StaffProfile> user = staffId == null || directory == null ? Optional.empty()
                : directory.profile(staffId);
        if (staffId != null && user.isEmpty()) {
            throw new NotFoundException("staff member");
        }
        model.addAttribute("user", user.orElse(null));
        model.addAttribute("existing", staffId == null ? List.of()
                : accounts.ofStaff(staffId).stream().filter(a -> a.type() == AccountType.TEMPORARY).toList());
        model.addAttribute("now", clock.instant());
        model.addAttribute("reason", reason);
        model.addAttribute("error", error);
        return "account/temporary";
    }

    private String act(UUID id, RedirectAttributes redirect, String savedKey, Runnable action) {
        accounts.find(id).orElseThrow(() -> new NotFoundException("account"));
        try {
            action.run();
            redirect.addFlashAttribute("saved", messages.text(savedKey));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", messages.text(e));
        }
        return "redirect:/operator/accounts/" + id;
    }
}

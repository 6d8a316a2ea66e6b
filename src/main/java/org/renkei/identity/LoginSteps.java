package org.renkei.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.renkei.platform.time.JapanTime;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The steps of a password login after the password: the second factor (required for the operator's staff and
 * temporary accounts, enrolled at the first login; optional for others), then a password change when the
 * password is an initial one or older than {@code renkei.login.password-max-age} (USR-05).
 *
 * <p>Until its steps are done a session holds a single authority naming the step ({@code
 * ROLE_PENDING_SECOND_FACTOR}, {@code ROLE_PENDING_PASSWORD_CHANGE}) and none of the actor's roles, so no
 * path rule lets it anywhere else; {@link PendingStepFilter} sends it back to its step's page. When the last step
 * is done the session gets the actor's roles, under a new session id.
 */
@Component
class LoginSteps implements AuthenticationSuccessHandler {

    static final String PENDING_SECOND_FACTOR = "ROLE_PENDING_SECOND_FACTOR";
    static final String PENDING_PASSWORD_CHANGE = "ROLE_PENDING_PASSWORD_CHANGE";

    /** Where a complete login lands: each kind of account's own start page. */
    static final String CONSOLE = "/console";

    enum Step {
        SECOND_FACTOR(PENDING_SECOND_FACTOR, "/login/second-factor"),
        PASSWORD_CHANGE(PENDING_PASSWORD_CHANGE, "/account/password");

        private final String authority;
        private final String path;

        Step(String authority, String path) {
            this.authority = authority;
            this.path = path;
        }

        String authority() {
            return authority;
        }

        /** The only page a session in this step may open. */
        String path() {
            return path;
        }
    }

    private final Accounts accounts;
    private final LoginSettings settings;
    private final LoginAttempts attempts;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    LoginSteps(Accounts accounts, LoginSettings settings, LoginAttempts attempts, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** The day from which the account's password must be changed before anything else. */
    Instant passwordDueAt(Account account) {
        return account.passwordChangedAt().atZone(JapanTime.ZONE).plus(settings.passwordMaxAge()).toInstant();
    }

    boolean passwordChangeDue(Account account) {
        return account.mustChangePassword() || !clock.instant().isBefore(passwordDueAt(account));
    }

    /** What a correct password alone opens: the first step still due, or the actor's roles. */
    List<GrantedAuthority> afterPassword(Account account, Actor actor) {
        if (account.needsSecondFactor()) {
            return List.of(new SimpleGrantedAuthority(PENDING_SECOND_FACTOR));
        }
        if (passwordChangeDue(account)) {
            return List.of(new SimpleGrantedAuthority(PENDING_PASSWORD_CHANGE));
        }
        return Roles.of(actor);
    }

    /** The step a session still has to pass, if any. */
    static Optional<Step> pendingStep(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        for (Step step : Step.values()) {
            if (authorities.stream().anyMatch(a -> step.authority().equals(a.getAuthority()))) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    /** After the password: to the first step due, or to the console. */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        redirects.sendRedirect(request, response, pendingStep(authentication).map(Step::path).orElse(CONSOLE));
    }

    /**
     * The session's current step is done: it moves on to the next step due, or gets the actor's roles and the
     * login is recorded. The session id changes with every rise in what the session may do. Returns where to go.
     */
    String stepDone(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = holder.getContext().getAuthentication();
        if (!(current != null && current.getPrincipal() instanceof AccountDetails details)) {
            throw new IllegalStateException("no password login in this session");
        }
        Step done = pendingStep(current).orElseThrow(() -> new IllegalStateException("no step pending"));
        Actor actor = details.actor();
        Account account = accounts.find(actor.accountId()).orElseThrow();
        boolean passwordNext = done == Step.SECOND_FACTOR && passwordChangeDue(account);
        List<GrantedAuthority> authorities = passwordNext
                ? List.of(new SimpleGrantedAuthority(PENDING_PASSWORD_CHANGE))
                : Roles.of(actor);
        var next = UsernamePasswordAuthenticationToken.authenticated(details, null, authorities);
        next.setDetails(current.getDetails());
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(next);
        holder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        if (passwordNext) {
            return Step.PASSWORD_CHANGE.path();
        }
        attempts.succeeded(actor);
        return CONSOLE;
    }
}

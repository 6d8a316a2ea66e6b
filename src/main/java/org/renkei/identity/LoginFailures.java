package org.renkei.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * A refused password login goes back to the login page: saying the account is locked when it is (ACC-01) —
 * whatever password was typed, since a locked account's password is not checked — and otherwise only that the ID
 * or password is wrong or the account may not log in now.
 */
@Component
class LoginFailures implements AuthenticationFailureHandler {

    private final Accounts accounts;
    private final Clock clock;
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    LoginFailures(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        boolean locked = exception instanceof LockedException || (username != null
                && accounts.findByUsername(username).filter(a -> a.lockedAt(clock.instant())).isPresent());
        redirects.sendRedirect(request, response, locked ? "/login?locked" : "/login?error");
    }
}

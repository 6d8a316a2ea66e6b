package org.renkei.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a session that still has a login step to pass (second factor, password change) on that step's page: any
 * other page sends it back there, an API call is forbidden. Together with the session holding none of the
 * actor's roles until then, this makes the steps impossible to skip, also on pages open to any logged-in person.
 */
class PendingStepFilter extends OncePerRequestFilter {

    /** What a session in a login step may still reach besides its step's page. */
    private static final List<String> ALWAYS = List.of("/logout", "/login", "/css/", "/js/", "/webjars/",
            "/favicon.ico", "/error");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LoginSteps.Step> step = LoginSteps.pendingStep(SecurityContextHolder.getContext().getAuthentication());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (step.isEmpty() || allowed(step.get(), path)) {
            chain.doFilter(request, response);
            return;
        }
        if (SecurityConfiguration.API.matches(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } else {
            response.sendRedirect(request.getContextPath() + step.get().path());
        }
    }

    private static boolean allowed(LoginSteps.Step step, String path) {
        if (path.equals(step.path()) || path.startsWith(step.path() + "/")) {
            return true;
        }
        return ALWAYS.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p));
    }
}

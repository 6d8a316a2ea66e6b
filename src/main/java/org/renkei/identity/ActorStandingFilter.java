package org.renkei.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks, on every request of a logged-in person, whether they may still act: account, staff member and facility
 * still in good standing (USR-07, FAC-04, FAC-05). If not, the session ends at once — on every node, since the
 * answer comes from the shared database, not from the session. An API request whose client certificate was verified
 * in this very request (by {@link CardVerifier}, which asks every {@link LoginEligibility} about the same actor) is
 * not asked twice.
 */
class ActorStandingFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ActorStandingFilter.class);

    /**
     * Request attribute: the authentication made in this request after every {@link LoginEligibility} let its actor
     * in. Only server code sets request attributes; a client cannot.
     */
    static final String STANDING_CHECKED = ActorStandingFilter.class.getName() + ".checked";

    private final List<LoginEligibility> eligibility;

    ActorStandingFilter(List<LoginEligibility> eligibility) {
        this.eligibility = eligibility;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object checked = request.getAttribute(STANDING_CHECKED);
        if (checked != null && checked == SecurityContextHolder.getContext().getAuthentication()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Actor> actor = CurrentActor.get();
        if (actor.isPresent()) {
            Optional<String> refusal = refusal(eligibility, actor.get());
            if (refusal.isPresent()) {
                log.info("Session of account {} ended: {}", actor.get().accountId(), refusal.get());
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                if (request.getRequestURI().startsWith(request.getContextPath() + "/fhir")
                        || request.getRequestURI().startsWith(request.getContextPath() + "/api")) {
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                } else {
                    response.sendRedirect(request.getContextPath() + "/login?ended");
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The first reason any feature gives against this actor acting now. */
    static Optional<String> refusal(List<LoginEligibility> eligibility, Actor actor) {
        for (LoginEligibility check : eligibility) {
            Optional<String> refusal = check.refusal(actor);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }
}

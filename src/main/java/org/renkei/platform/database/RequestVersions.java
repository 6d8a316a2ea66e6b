package org.renkei.platform.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request of a safe method (GET, HEAD) read the {@link CommittedVersions} once: its first read — at the
 * latest when the client certificate is checked — holds for the rest of the request. Such a request changes none of
 * what the counters count, so its decisions all rest on one committed state, at least as new as its start. Other
 * requests (a POST may commit a change and then decide on it) read afresh every time.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class RequestVersions extends OncePerRequestFilter {

    /** The first read of one request, and which reader made it. */
    static final class Held {
        Object owner;
        long[] values;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        CommittedVersions.holdForRequest();
        try {
            chain.doFilter(request, response);
        } finally {
            CommittedVersions.forget();
        }
    }
}

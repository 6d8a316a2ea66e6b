package org.renkei.platform.database;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lets a request of a safe method (GET, HEAD) read the {@link CommittedVersions} once: its first read — at the
 * latest when the client certificate is checked — holds for the rest of the request. Such a request changes none of
 * what the counters count, so its decisions all rest on one committed state, at least as new as its start. Other
 * requests (a POST may commit a change and then decide on it) read afresh every time. A plain filter (no request
 * attribute to mark it done, as it runs for the request's own dispatch only); a nested dispatch gets a holder of its
 * own and gives the outer one back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class RequestVersions implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request instanceof HttpServletRequest http ? http.getMethod() : null;
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        CommittedVersions.Held outer = CommittedVersions.holdForRequest();
        try {
            chain.doFilter(request, response);
        } finally {
            CommittedVersions.restore(outer);
        }
    }
}

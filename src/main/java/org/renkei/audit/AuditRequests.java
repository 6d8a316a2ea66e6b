package org.renkei.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is a plain token, otherwise a new one),
 * answers it in the response header and the log context, and lets audit entries name the request and the client
 * address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditRequests extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = AuditRequests.class.getName() + ".id";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && TOKEN.matcher(given).matches() ? given : newRequestId();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put("requestId", id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }

    /** The current request's id and client address, or nulls outside a request. */
    static String[] current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            Object id = request.getAttribute(ATTRIBUTE);
            return new String[] {request.getRemoteAddr(), id == null ? null : id.toString()};
        }
        return new String[] {null, null};
    }

    /**
     * A random (version 4) UUID. A request id names a request in the logs and the audit trail and is no secret (a
     * client may send its own), so it comes from the thread's own generator, not from the shared SecureRandom that
     * every request would otherwise wait on.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}

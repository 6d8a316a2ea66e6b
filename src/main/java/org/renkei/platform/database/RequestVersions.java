package org.renkei.platform.database;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
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
 *
 * <p>A safe request that went ahead on versions it has not confirmed ({@link CommittedVersions.Counter#tentativelyAt})
 * confirms them before the first byte of its answer, whatever writes it: the response's body, error, redirect and
 * flush all wait for that. If a recheck then refuses, the answer is a 401 and nothing the request wrote is sent.
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
            if (response instanceof HttpServletResponse http) {
                var confirming = new ConfirmedAnswer(http);
                chain.doFilter(request, confirming);
                if (!http.isCommitted()) {
                    confirming.confirm();
                }
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            CommittedVersions.restore(outer);
        }
    }

    /** The answer of a safe request: nothing of it leaves before the request's versions are confirmed. */
    private static final class ConfirmedAnswer extends HttpServletResponseWrapper {

        private boolean refused;

        ConfirmedAnswer(HttpServletResponse response) {
            super(response);
        }

        /** Confirms the request's versions; on a refusal answers 401 at once. True if refused. */
        boolean confirm() throws IOException {
            if (refused) {
                return true;
            }
            RecheckRefusedException refusal = CommittedVersions.confirmHeldRequest();
            if (refusal == null) {
                return false;
            }
            refused = true;
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (!response.isCommitted()) {
                response.reset();
                refusal.addHeaderTo(response::setHeader);
                response.sendError(SC_UNAUTHORIZED);
            }
            return true;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return confirm() ? Discarded.STREAM : super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return confirm() ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!confirm()) {
                super.flushBuffer();
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (!confirm()) {
                super.sendError(status, message);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            if (!confirm()) {
                super.sendError(status);
            }
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            if (!confirm()) {
                super.sendRedirect(location);
            }
        }
    }

    /** Where the body of a refused answer goes. */
    private static final class Discarded extends ServletOutputStream {

        static final Discarded STREAM = new Discarded();

        @Override
        public void write(int b) {
            // refused: nothing is sent
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // refused: nothing is sent
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            // writes never block
        }
    }
}

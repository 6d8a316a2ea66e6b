package org.renkei.identity;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Locale;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.renkei.platform.database.RecheckRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * IC-card login with the client certificate of the TLS connection (USR-02). People in a browser press
 * 「ICカードでログイン」 on the login page ({@code POST /login/card}, CSRF-protected) and get a session; a refused
 * card comes back to {@code /login?card=<reason>}. API clients ({@code /fhir/**}, {@code /api/**}) present the
 * certificate on every request and get no session; a refused certificate is a 401 naming the reason (a FHIR
 * {@code OperationOutcome} on {@code /fhir}). The certificate is checked by {@link CardVerifier}.
 */
@Component
@Order(10)
class CardLogin implements LoginMethod {

    private static final Logger log = LoggerFactory.getLogger(CardLogin.class);

    static final String LOGIN_PATH = "/login/card";
    static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";
    static final String REFUSAL_HEADER = "X-Renkei-Card-Refusal";
    static final String REFUSAL_SYSTEM = "urn:renkei:card-refusal";

    private final CardVerifier verifier;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    CardLogin(CardVerifier verifier, MessageSource messages, ApplicationEventPublisher events) {
        this.verifier = verifier;
        this.messages = messages;
        this.events = events;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(HttpMethod.POST, LOGIN_PATH).permitAll()
                .requestMatchers("/staff", "/staff/**").hasRole("STAFF"));
        http.with(new Filters(), Customizer.withDefaults());
    }

    @Override
    public void configureApi(HttpSecurity http) {
        http.addFilterAfter(new ApiCertificate(), BasicAuthenticationFilter.class);
    }

    /** The presented certificate's serial number, to name a refused card in the audit trail (no personal data). */
    private static String subjectOf(HttpServletRequest request) {
        X509Certificate[] chain = certificates(request);
        return chain == null || chain.length == 0 ? null : "certificate:" + chain[0].getSerialNumber().toString(16);
    }

    static X509Certificate[] certificates(HttpServletRequest request) {
        return request.getAttribute(CERTIFICATE_ATTRIBUTE) instanceof X509Certificate[] chain ? chain : null;
    }

    /** Adds the login filter once the chain's session handling is known, as Spring's own login forms do. */
    private final class Filters extends AbstractHttpConfigurer<Filters, HttpSecurity> {

        @Override
        public void configure(HttpSecurity http) {
            var browser = new BrowserLogin();
            SessionAuthenticationStrategy sessions = http.getSharedObject(SessionAuthenticationStrategy.class);
            if (sessions != null) {
                browser.setSessionAuthenticationStrategy(sessions);
            }
            SecurityContextRepository contexts = http.getSharedObject(SecurityContextRepository.class);
            browser.setSecurityContextRepository(contexts != null ? contexts
                    : new HttpSessionSecurityContextRepository());
            http.addFilterBefore(browser, UsernamePasswordAuthenticationFilter.class);
        }
    }

    /** {@code POST /login/card}: the certificate of the connection logs the person in for a session. */
    private final class BrowserLogin extends AbstractAuthenticationProcessingFilter {

        BrowserLogin() {
            super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGIN_PATH));
            setAuthenticationManager(authentication -> authentication);
            var success = new SimpleUrlAuthenticationSuccessHandler("/console");
            success.setAlwaysUseDefaultTargetUrl(true);
            setAuthenticationSuccessHandler(success);
            setAuthenticationFailureHandler((request, response, exception) -> {
                CardRefusal refusal = exception instanceof CardRefusedException refused
                        ? refused.refusal()
                        : CardRefusal.NO_CERTIFICATE;
                events.publishEvent(LoginEvent.failed(subjectOf(request), "card", refusal.code()));
                response.sendRedirect(request.getContextPath() + "/login?card=" + refusal.code());
            });
        }

        @Override
        public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
            CardVerifier.Verified verified = verifier.verify(certificates(request));
            Actor actor = verified.actor();
            log.info("Card login: staff {} of facility {} with {} (certificate sha256 {})", actor.staffId(),
                    actor.facilityId(), actor.authLevel(), verified.registration().fingerprintSha256());
            events.publishEvent(LoginEvent.succeeded(actor, "card"));
            return CardAuthentication.of(verified);
        }
    }

    /** API requests with a client certificate: authenticated for this request only (on the API's chain only). */
    private final class ApiCertificate extends OncePerRequestFilter {

        private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication current = holder.getContext().getAuthentication();
            boolean authenticated = current != null && current.isAuthenticated()
                    && !(current instanceof AnonymousAuthenticationToken);
            X509Certificate[] chainOfCard = certificates(request);
            if (authenticated || chainOfCard == null || chainOfCard.length == 0) {
                chain.doFilter(request, response);
                return;
            }
            CardVerifier.Verified verified;
            var recheck = new Recheck(request, chainOfCard);
            try {
                verified = verifier.verify(chainOfCard, recheck);
            } catch (CardRefusedException e) {
                holder.clearContext();
                events.publishEvent(LoginEvent.failed(subjectOf(request), "api-certificate", e.refusal().code()));
                refuse(request, response, e.refusal());
                return;
            }
            recheck.actor = verified.actor();
            SecurityContext context = holder.createEmptyContext();
            CardAuthentication authentication = CardAuthentication.of(verified);
            context.setAuthentication(authentication);
            holder.setContext(context);
            // the verifier just asked every LoginEligibility about this actor
            request.setAttribute(ActorStandingFilter.STANDING_CHECKED, authentication);
            chain.doFilter(request, response);
        }
    }

    /**
     * The card checked again on the request's confirmed standing version, should it differ from the one the check
     * went ahead on: refused, or taken for someone else than the request's actor, the request fails.
     */
    private final class Recheck implements Runnable {

        private final HttpServletRequest request;
        private final X509Certificate[] chainOfCard;
        /** Whom the request is served as (set once the card passed). */
        private Actor actor;

        Recheck(HttpServletRequest request, X509Certificate[] chainOfCard) {
            this.request = request;
            this.chainOfCard = chainOfCard;
        }

        @Override
        public void run() {
            CardRefusal refusal;
            try {
                CardVerifier.Verified now = verifier.verify(chainOfCard);
                if (now.actor().equals(actor)) {
                    return;
                }
                refusal = CardRefusal.STANDING_CHANGED;
                log.info("Card refused (certificate sha256 {}): {}", now.registration().fingerprintSha256(),
                        refusal.code());
            } catch (CardRefusedException e) {
                refusal = e.refusal();
            }
            events.publishEvent(LoginEvent.failed(subjectOf(request), "api-certificate", refusal.code()));
            throw new RecheckRefusedException("IC-card certificate refused: " + refusal.code(), REFUSAL_HEADER,
                    refusal.code());
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, CardRefusal refusal)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(REFUSAL_HEADER, refusal.code());
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/fhir")) {
            return;
        }
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.JAPANESE : request.getLocale();
        var outcome = new OperationOutcome();
        var issue = outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.LOGIN)
                .setDiagnostics("IC-card certificate refused: " + refusal.code());
        issue.getDetails().addCoding().setSystem(REFUSAL_SYSTEM).setCode(refusal.code());
        issue.getDetails().setText(messages.getMessage(refusal.messageKey(), null, refusal.code(), locale));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("application/fhir+json");
        response.getWriter().write(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(outcome));
    }
}

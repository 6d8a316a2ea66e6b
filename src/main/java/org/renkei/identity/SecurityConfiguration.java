package org.renkei.identity;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach which path, in two security filter chains: the API's ({@code /fhir/**}, {@code /api/**}) and the
 * pages'. Each way of logging in is a {@link LoginMethod} that adds itself to the chains it belongs on; every way
 * ends in the same {@link Actor}. On every request the {@link ActorStandingFilter} checks the actor may still act.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * API paths: their own chain; no login page, 401 instead; no CSRF token (API clients send no cookies, and a
     * browser's session cookie is {@code SameSite=Lax}: no other site's form or script sends it with a POST).
     */
    static final RequestMatcher API = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/fhir/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"));

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, and still reads any other {id}-prefixed hash
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation (timer and span) around each security filter, authentication and authorization of every
     * request: they cost CPU on every API request and nobody reads them (nor the request timer, which
     * {@code application.yml} switches off).
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Paths in {@code requestMatchers("/…")} matched as path patterns on the request's path, the same for the pages'
     * servlet and the FHIR servlet, instead of asking Spring MVC's handler mappings on every request which
     * servlet serves it (that cost an API request as much as its record query).
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** The filter chain without Spring MVC's handler lookup on every request ({@link SecurityFilterChainUnwrapped}). */
    @Bean
    static SecurityFilterChainUnwrapped securityFilterChainUnwrapped() {
        return new SecurityFilterChainUnwrapped();
    }

    /**
     * Spring Security's strict firewall with its own rules for header and parameter names and values, checked by a
     * loop instead of a regular expression ({@link HeaderCharacters}): the firewall checks every header any filter
     * or the FHIR server reads, on every request.
     */
    @Bean
    WebSecurityCustomizer firewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::name);
        firewall.setAllowedHeaderValues(HeaderCharacters::value);
        firewall.setAllowedParameterNames(HeaderCharacters::name);
        return web -> web.httpFirewall(firewall);
    }

    /**
     * The API's chain ({@code /fhir/**}, {@code /api/**}): an API client proves who it is on every request (client
     * certificate, HTTP Basic) and gets no session; a browser's session is honoured but never made here. Nothing of
     * the pages runs on it — no login forms, logout, CSRF token, saved request or request wrapper — since every
     * filter of a chain runs on every request, and most requests are API requests. The rules that decide who may
     * act are the same as on the pages: the same standing check, the same login steps, the same headers.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, List<LoginMethod> loginMethods, List<LoginEligibility> eligibility)
            throws Exception {
        http.securityMatcher(API)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/fhir/metadata").permitAll()
                        .requestMatchers("/fhir/**").hasAnyRole("OPERATOR", "STAFF"));
        for (LoginMethod method : loginMethods) {
            method.configureApi(http);
        }
        http
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .addFilterBefore(new ActorStandingFilter(eligibility), AuthorizationFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                .logout(logout -> logout.disable())
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /** The pages' chain: everything the API's chain does not take. */
    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, List<LoginMethod> loginMethods, List<LoginEligibility> eligibility)
            throws Exception {
        for (LoginMethod method : loginMethods) {
            method.configure(http);
        }
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/public/**", "/css/**", "/js/**", "/webjars/**",
                                "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/operator/**").hasRole("OPERATOR")
                        .requestMatchers("/facility/**").hasRole("FACILITY_ADMIN")
                        .requestMatchers("/emergency/**").hasRole("STAFF")
                        .anyRequest().authenticated())
                .addFilterBefore(new ActorStandingFilter(eligibility), AuthorizationFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"));
    }
}

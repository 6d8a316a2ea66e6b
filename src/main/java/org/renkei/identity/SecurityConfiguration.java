package org.renkei.identity;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one security filter chain: who may reach which path. Each way of logging in is a {@link LoginMethod}
 * that adds itself here; every way ends in the same {@link Actor}. On every request the {@link
 * ActorStandingFilter} checks the actor may still act.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** API paths: no login page, 401 instead; no CSRF token (no cookies are trusted there). */
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

    @Bean
    SecurityFilterChain web(HttpSecurity http, List<LoginMethod> loginMethods, List<LoginEligibility> eligibility)
            throws Exception {
        // the API's rules first: most requests are API requests, and the rules are tried in order
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/fhir/metadata").permitAll()
                .requestMatchers("/fhir/**").hasAnyRole("OPERATOR", "STAFF"));
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
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), API)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                .csrf(csrf -> csrf.ignoringRequestMatchers(API))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "frame-ancestors 'none'")));
        return http.build();
    }
}

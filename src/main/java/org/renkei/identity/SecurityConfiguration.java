package org.renkei.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may reach which path. Password login (form) for people in a browser, HTTP Basic for API clients of the
 * FHIR endpoint until certificate login arrives; both end in the same {@link Actor}. Further login methods add
 * an authentication provider here, not a second configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, and still reads any other {id}-prefixed hash
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        var fhir = PathPatternRequestMatcher.withDefaults().matcher("/fhir/**");
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/public/**", "/css/**", "/js/**", "/webjars/**",
                                "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**",
                                "/fhir/metadata")
                        .permitAll()
                        .requestMatchers("/operator/**").hasRole("OPERATOR")
                        .requestMatchers("/facility/**").hasRole("FACILITY_ADMIN")
                        .requestMatchers("/fhir/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/console", true)
                        .failureUrl("/login?error")
                        .permitAll())
                .httpBasic(basic -> basic.realmName("Renkei"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), fhir)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                .csrf(csrf -> csrf.ignoringRequestMatchers(fhir))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "frame-ancestors 'none'")));
        return http.build();
    }
}

package org.renkei.identity;

import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.stereotype.Component;

/**
 * The paths of password accounts: the login steps after the password (second factor, forced password change),
 * everyone's own account pages, and the public self-registration for a provisional account (USR-03, whose page
 * the staff feature owns).
 */
@Component
@Order(25)
class AccountPaths implements LoginMethod {

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/register", "/register/**").permitAll()
                        .requestMatchers("/login/second-factor", "/login/second-factor/**")
                        .hasAuthority(LoginSteps.PENDING_SECOND_FACTOR)
                        .requestMatchers("/account/password")
                        .hasAnyAuthority(LoginSteps.PENDING_PASSWORD_CHANGE, "ROLE_OPERATOR", "ROLE_FACILITY_ADMIN",
                                "ROLE_STAFF")
                        .requestMatchers("/account", "/account/**").hasAnyRole("OPERATOR", "FACILITY_ADMIN", "STAFF"))
                .addFilterBefore(new PendingStepFilter(), AuthorizationFilter.class);
    }

    /** A session still in a login step is refused on the API too (403). */
    @Override
    public void configureApi(HttpSecurity http) {
        http.addFilterBefore(new PendingStepFilter(), AuthorizationFilter.class);
    }
}

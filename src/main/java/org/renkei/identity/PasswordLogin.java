package org.renkei.identity;

import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/**
 * ID and password login: a form for people in a browser, HTTP Basic for API clients of the operator.
 */
@Component
@Order(20)
class PasswordLogin implements LoginMethod {

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/console", true)
                        .failureUrl("/login?error")
                        .permitAll())
                .httpBasic(basic -> basic.realmName("Renkei"));
    }
}

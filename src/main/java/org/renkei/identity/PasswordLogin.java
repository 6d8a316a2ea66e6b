package org.renkei.identity;

import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/**
 * ID and password login: a form for people in a browser, going on to the steps after the password ({@link
 * LoginSteps}); HTTP Basic for API clients of accounts that need no further step (an account with a second
 * factor gets no role over HTTP Basic). The pages take no HTTP Basic: a browser keeps such credentials and sends
 * them again after logout, so a page session begins only at the form (or with the card).
 */
@Component
@Order(20)
class PasswordLogin implements LoginMethod {

    private final LoginSteps steps;
    private final LoginFailures failures;

    PasswordLogin(LoginSteps steps, LoginFailures failures) {
        this.steps = steps;
        this.failures = failures;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(steps)
                        .failureHandler(failures)
                        .permitAll());
    }

    @Override
    public void configureApi(HttpSecurity http) throws Exception {
        http.httpBasic(basic -> basic.realmName("Renkei"));
    }
}

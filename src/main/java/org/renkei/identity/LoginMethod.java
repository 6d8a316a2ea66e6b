package org.renkei.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * One way of logging in (password form, IC-card certificate, …), contributing its filters, pages and public
 * paths to the one security filter chain. Applied before the chain's own path rules, so a method may open its
 * own paths ({@code authorizeHttpRequests(a -> a.requestMatchers("/login/card").permitAll())}); only the rules for
 * {@code /fhir/**}, which no method touches, come first.
 */
interface LoginMethod {

    void configure(HttpSecurity http) throws Exception;
}

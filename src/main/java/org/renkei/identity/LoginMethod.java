package org.renkei.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * One way of logging in (password form, IC-card certificate, …), contributing its filters, pages and public
 * paths to the pages' security filter chain, and what it accepts on the API to the API's chain ({@link
 * SecurityConfiguration}). Applied before each chain's own path rules, so a method may open its own paths
 * ({@code authorizeHttpRequests(a -> a.requestMatchers("/login/card").permitAll())}).
 */
interface LoginMethod {

    /** The pages' chain: everything but {@code /fhir/**} and {@code /api/**}. */
    void configure(HttpSecurity http) throws Exception;

    /**
     * The API's chain ({@code /fhir/**}, {@code /api/**}): how an API request proves who sends it, or what a
     * session of this method may still not do there. Nothing by default.
     */
    default void configureApi(HttpSecurity http) throws Exception {
    }
}

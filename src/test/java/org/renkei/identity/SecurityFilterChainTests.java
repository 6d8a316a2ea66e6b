package org.renkei.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.savedrequest.RequestCacheAwareFilter;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestFilter;

@RenkeiTest
class SecurityFilterChainTests {

    @Autowired
    @Qualifier(SecurityFilterChainUnwrapped.CHAIN)
    Filter springSecurityFilterChain;

    @Test
    @DisplayName("INT-01 an API request passes the security filter chain without Spring MVC being asked which handler serves it")
    void noHandlerLookupPerRequest() throws Exception {
        assertThat(springSecurityFilterChain).isInstanceOf(FilterChainProxy.class);
        assertThat(springSecurityFilterChain.getClass().getName()).doesNotContain("WebMvcSecurityConfiguration");

        var request = new MockHttpServletRequest("GET", "/fhir/metadata");
        request.setServletPath("/fhir");
        request.setPathInfo("/metadata");
        List<String> attributesBehindTheChain = new ArrayList<>();
        var response = new MockHttpServletResponse();
        springSecurityFilterChain.doFilter(request, response,
                (req, res) -> attributesBehindTheChain.addAll(Collections.list(req.getAttributeNames())));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(attributesBehindTheChain).isNotEmpty()
                .noneMatch(name -> name.startsWith("org.springframework.web.servlet.handler.HandlerMappingIntrospector"));
    }

    @Test
    @DisplayName("INT-01 an API request runs none of the pages' filters: no login forms, logout, CSRF token, saved request or request wrapper")
    void apiChainRunsOnlyWhatTheApiNeeds() {
        var proxy = (FilterChainProxy) springSecurityFilterChain;
        var api = new MockHttpServletRequest("GET", "/fhir/Observation/1");
        api.setServletPath("/fhir");
        api.setPathInfo("/Observation/1");
        var page = new MockHttpServletRequest("GET", "/console");
        page.setServletPath("/console");

        List<Class<?>> apiFilters = filtersFor(proxy, api);
        List<Class<?>> pageFilters = filtersFor(proxy, page);

        assertThat(apiFilters).contains(BasicAuthenticationFilter.class, ActorStandingFilter.class,
                PendingStepFilter.class, HeaderWriterFilter.class, AuthorizationFilter.class);
        assertThat(apiFilters).doesNotContain(CsrfFilter.class, LogoutFilter.class,
                UsernamePasswordAuthenticationFilter.class, RequestCacheAwareFilter.class,
                SecurityContextHolderAwareRequestFilter.class);
        assertThat(apiFilters.stream().map(Class::getName))
                .anyMatch(name -> name.endsWith("CardLogin$ApiCertificate"))
                .noneMatch(name -> name.endsWith("CardLogin$BrowserLogin"));
        assertThat(pageFilters).contains(CsrfFilter.class, LogoutFilter.class,
                UsernamePasswordAuthenticationFilter.class, ActorStandingFilter.class, PendingStepFilter.class);
        assertThat(pageFilters).doesNotContain(BasicAuthenticationFilter.class);
        assertThat(pageFilters.stream().map(Class::getName))
                .anyMatch(name -> name.endsWith("CardLogin$BrowserLogin"))
                .noneMatch(name -> name.endsWith("CardLogin$ApiCertificate"));
    }

    /** The filters of the first chain that takes the request, as the proxy picks it. */
    private static List<Class<?>> filtersFor(FilterChainProxy proxy, MockHttpServletRequest request) {
        return proxy.getFilterChains().stream().filter(chain -> chain.matches(request)).findFirst().orElseThrow()
                .getFilters().stream().<Class<?>>map(Object::getClass).toList();
    }
}

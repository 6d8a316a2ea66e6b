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
}

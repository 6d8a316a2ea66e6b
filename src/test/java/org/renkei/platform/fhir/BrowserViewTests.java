package org.renkei.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.interceptor.executor.InterceptorService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestHttps;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

@RenkeiTest
class BrowserViewTests {

    @LocalServerPort int port;

    private ResponseEntity<String> metadata(String query, String accept) {
        var headers = new HttpHeaders();
        if (accept != null) {
            headers.set(HttpHeaders.ACCEPT, accept);
        }
        return TestHttps.template(port).exchange("/fhir/metadata" + query, HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
    }

    @Test
    @DisplayName("INT-01 a browser gets the API's answer as a readable page; a system gets FHIR JSON")
    void htmlForBrowsersOnly() {
        var browser = metadata("", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(browser.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(browser.getBody()).contains("<html").contains("CapabilityStatement");

        var asked = metadata("?_format=html/json", "application/fhir+json");
        assertThat(asked.getHeaders().getContentType().toString()).startsWith("text/html");

        for (String accept : new String[] {null, "application/fhir+json", "application/json, */*;q=0.1"}) {
            var system = metadata("", accept);
            assertThat(system.getHeaders().getContentType().toString()).as(accept).startsWith("application/fhir+json");
            assertThat(system.getBody()).as(accept).startsWith("{\"resourceType\":\"CapabilityStatement\"");
        }
        var raw = metadata("?_raw=true", "text/html");
        assertThat(raw.getBody()).doesNotContain("<html");
    }

    @Test
    @DisplayName("INT-01 the browser view answers each response once (its own hook replaces HAPI's)")
    void oneHookPerResponse() {
        var interceptors = new InterceptorService();
        interceptors.registerInterceptor(new BrowserView());
        assertThat(interceptors.getInvokersForPointcut(Pointcut.SERVER_OUTGOING_RESPONSE)).hasSize(1);
        assertThat(interceptors.getInvokersForPointcut(Pointcut.SERVER_HANDLE_EXCEPTION)).hasSize(1);
    }
}

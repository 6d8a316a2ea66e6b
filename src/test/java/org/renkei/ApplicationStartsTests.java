package org.renkei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

@RenkeiTest
class ApplicationStartsTests {

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    TestRestTemplate http;

    @BeforeEach
    void https() {
        http = TestHttps.template(port);
    }

    @Test
    @DisplayName("INT-01 the server is healthy and its FHIR capability statement is public")
    void healthAndMetadata() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        var metadata = http.getForEntity("/fhir/metadata", String.class);
        assertThat(metadata.getStatusCode().value()).isEqualTo(200);
        assertThat(metadata.getBody()).containsPattern("\"resourceType\":\\s*\"CapabilityStatement\"").contains("4.0.1");
    }

    @Test
    @DisplayName("FAC-07 the start page is public and Japanese by default, English on request")
    void startPageSpeaksJapaneseFirst() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("地域医療介護連携ネットワーク")));
        mvc.perform(get("/").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Regional medical and care")));
    }

    @Test
    @DisplayName("USR-05 operator pages and the FHIR registry need a login")
    void consoleNeedsLogin() throws Exception {
        mvc.perform(get("/operator")).andExpect(status().is3xxRedirection());
        assertThat(http.getForEntity("/fhir/Organization", String.class).getStatusCode().value()).isEqualTo(401);
    }
}

package org.renkei.platform.web;

import java.util.Arrays;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the server where it is and how to log in. */
@Component
class StartupBanner {

    private final Environment environment;

    StartupBanner(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8443"));
        // HTTPS unless TLS was switched off (server.ssl.enabled=false, behind a proxy that ends TLS)
        String scheme = environment.getProperty("server.ssl.enabled", Boolean.class, true) ? "https" : "http";
        boolean demo = Arrays.asList(environment.getActiveProfiles()).contains("demo");
        String login = demo
                ? "Demo logins: operator / Renkei-demo-2026! + second-factor code (oathtool --totp -b RENKEIDEMOOPERATORTOTPSECRETKEYS);"
                        + " facility administrators and IC-card soft tokens (data/demo-certificates): see README.md"
                : "Log in with the operator account (see the first-start message and docs/operations.md)";
        System.out.println("""

                Renkei is up: %s://localhost:%s/
                  log in:   %s://localhost:%s/login
                  %s
                """.formatted(scheme, port, scheme, port, login));
    }
}

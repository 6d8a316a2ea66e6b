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
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        boolean demo = Arrays.asList(environment.getActiveProfiles()).contains("demo");
        String login = demo
                ? "Demo logins: operator / Renkei-demo-2026!  (facility administrators: see README.md)"
                : "Log in with the operator account (see the first-start message and docs/operations.md)";
        System.out.println("""

                Renkei is up: http://localhost:%s/
                  log in:   http://localhost:%s/login
                  %s
                """.formatted(port, port, login));
    }
}

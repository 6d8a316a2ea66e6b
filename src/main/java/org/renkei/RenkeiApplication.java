package org.renkei;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Renkei: the server of a regional medical and care information network.
 *
 * <p>With the first argument {@code audit-verify} it does not serve: it verifies the audit chain against its
 * checkpoints, prints what it found and exits (0: whole, 2: altered).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RenkeiApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "audit-verify".equals(args[0])) {
            SpringApplication application = new SpringApplication(RenkeiApplication.class);
            application.setDefaultProperties(Map.of("server.port", "-1", "renkei.tls.http-port", "-1",
                    "renkei.audit.verify-and-exit", "true", "spring.main.banner-mode", "off"));
            application.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(RenkeiApplication.class, args);
    }
}

package org.renkei;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Renkei: the server of a regional medical and care information network. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RenkeiApplication {

    public static void main(String[] args) {
        SpringApplication.run(RenkeiApplication.class, args);
    }
}

package io.bluebird;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BluebirdApplication {

    public static void main(String[] args) {
        SpringApplication.run(BluebirdApplication.class, args);
    }

    /** Time comes from here, so tests can fix it (survey windows, token expiry). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package io.bluebird.helpdesk;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The helpdesks of {@code bluebird.helpdesks}, bound by type ({@link HelpdeskConfig#from}). */
@Configuration(proxyBeanMethods = false)
public class HelpdeskConfiguration {

    @Bean
    HelpdeskConfig helpdeskConfig(Environment environment) {
        return HelpdeskConfig.from(Binder.get(environment));
    }
}

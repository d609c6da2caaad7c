package io.bluebird.broker;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code spring.artemis.mode=native} turns the embedded broker off. Spring Boot starts its embedded Artemis whenever
 * artemis-jakarta-server is on the classpath and {@code spring.artemis.embedded.enabled} is not false, whatever the
 * mode (the mode only picks what the connection factory connects to): a hub on an external broker still opened its
 * own journal and bluebird.broker.listen port, so a second hub on the machine could not start and a JMS helpdesk
 * pointed at that port read from an empty broker. An explicit {@code spring.artemis.embedded.enabled} still wins.
 */
public class NativeMeansNoEmbeddedBroker implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("native".equalsIgnoreCase(environment.getProperty("spring.artemis.mode", "").strip())) {
            environment.getPropertySources().addLast(new MapPropertySource("bluebird-native-broker",
                    Map.of("spring.artemis.embedded.enabled", "false")));
        }
    }
}

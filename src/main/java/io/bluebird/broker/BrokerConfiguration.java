package io.bluebird.broker;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConnectionDetails;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisMode;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker's rules for Bluebird's queues: a message whose processing keeps failing (the database down,
 * say) is redelivered with growing delays, then parked on the dead-letter queue, never dropped. An external broker
 * needs the same address settings (see the README).
 */
@Configuration
public class BrokerConfiguration {

    /** Spring Boot's, when spring.artemis.broker-url is not set. */
    private static final String DEFAULT_BROKER_URL = "tcp://localhost:61616";

    @Bean
    ArtemisConfigurationCustomizer bluebirdAddressSettings(BrokerSettings broker) {
        return configuration -> configuration.addAddressSetting("bluebird.#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("bluebird.dead-letters"))
                .setMaxDeliveryAttempts(broker.maxDeliveryAttempts())
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(60_000));
    }

    /**
     * What the embedded broker holds in memory: Artemis otherwise takes half the heap for queued messages before it
     * pages them to its journal directory, so a long helpdesk outage grew the hub's memory with the backlog. Beyond
     * this size queued messages wait on disk and are read back in order; nothing is refused.
     */
    @Bean
    ArtemisConfigurationCustomizer bluebirdBrokerMemory(BrokerSettings broker) {
        return configuration -> configuration.setGlobalMaxSize(broker.memory().toBytes());
    }

    /**
     * How the hub reaches an external broker (spring.artemis.mode=native): spring.artemis.broker-url with
     * bluebird.broker.client-parameters added where the URL does not set them, so that a send fails at once while the
     * broker is away instead of waiting (see application.yaml).
     */
    @Bean
    ArtemisConnectionDetails artemisConnectionDetails(ArtemisProperties properties, BrokerSettings broker) {
        String url = properties.getBrokerUrl() == null ? DEFAULT_BROKER_URL : properties.getBrokerUrl();
        String withParameters = BrokerUrl.withDefaults(url, broker.clientParameters());
        return new ArtemisConnectionDetails() {
            @Override
            public ArtemisMode getMode() {
                return properties.getMode();
            }

            @Override
            public String getBrokerUrl() {
                return withParameters;
            }

            @Override
            public String getUser() {
                return properties.getUser();
            }

            @Override
            public String getPassword() {
                return properties.getPassword();
            }
        };
    }

    /** Replaces Spring Boot's JMS health indicator (same name, same component "jms"), which can hang. */
    @Bean
    BrokerHealth jmsHealthIndicator(ConnectionFactory connectionFactory, BrokerSettings broker) {
        return new BrokerHealth(connectionFactory, broker.healthTimeout());
    }

    /**
     * Spring Boot's embedded broker listens only inside the JVM; a JMS helpdesk (or the artemis CLI) needs a port.
     * Empty turns it off.
     */
    @Bean
    ArtemisConfigurationCustomizer bluebirdAcceptor(BrokerSettings broker) {
        String url = broker.listen();
        return configuration -> {
            if (!url.isEmpty()) {
                try {
                    configuration.addAcceptorConfiguration("bluebird", url);
                } catch (Exception e) {
                    throw new IllegalStateException("bluebird.broker.listen is not an Artemis acceptor URL: " + url, e);
                }
            }
        };
    }
}

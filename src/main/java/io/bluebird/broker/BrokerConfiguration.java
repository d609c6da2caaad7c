package io.bluebird.broker;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker's rules for Bluebird's queues: a message whose processing keeps failing (the database down,
 * say) is redelivered with growing delays, then parked on the dead-letter queue, never dropped. An external broker
 * needs the same address settings (see the README).
 */
@Configuration
public class BrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer bluebirdAddressSettings(
            @Value("${bluebird.broker.max-delivery-attempts:10}") int maxDeliveryAttempts) {
        return configuration -> configuration.addAddressSetting("bluebird.#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("bluebird.dead-letters"))
                .setMaxDeliveryAttempts(maxDeliveryAttempts)
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(60_000));
    }

    /**
     * Spring Boot's embedded broker listens only inside the JVM; a JMS helpdesk (or the artemis CLI) needs a port.
     * Empty turns it off.
     */
    @Bean
    ArtemisConfigurationCustomizer bluebirdAcceptor(@Value("${bluebird.broker.listen:}") String url) {
        return configuration -> {
            if (!url.isBlank()) {
                try {
                    configuration.addAcceptorConfiguration("bluebird", url);
                } catch (Exception e) {
                    throw new IllegalStateException("bluebird.broker.listen is not an Artemis acceptor URL: " + url, e);
                }
            }
        };
    }
}

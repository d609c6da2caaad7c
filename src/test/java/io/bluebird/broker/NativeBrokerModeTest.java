package io.bluebird.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.IOException;
import java.net.ServerSocket;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * spring.artemis.mode=native starts no broker inside the hub: no journal, and bluebird.broker.listen's port stays
 * free for another hub (or the external broker itself).
 */
@SpringBootTest(properties = {
        "spring.artemis.mode=native",
        "spring.datasource.url=jdbc:h2:mem:native-broker;DB_CLOSE_DELAY=-1"})
class NativeBrokerModeTest {

    static final int LISTEN = freePort();

    @DynamicPropertySource
    static void brokerPorts(DynamicPropertyRegistry registry) {
        registry.add("bluebird.broker.listen", () -> "tcp://127.0.0.1:" + LISTEN);
        // the external broker is not there: the hub starts anyway and its consumers keep trying
        registry.add("spring.artemis.broker-url", () -> "tcp://127.0.0.1:" + freePort());
    }

    @Autowired
    ApplicationContext context;

    @Test
    void theHubStartsNoEmbeddedBroker() {
        assertThat(context.getBeanNamesForType(EmbeddedActiveMQ.class)).isEmpty();
        assertThatNoException().isThrownBy(() -> new ServerSocket(LISTEN).close());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.bluebird.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A backlog longer than bluebird.broker.memory waits on disk instead of in the hub's heap, and comes back whole and
 * in order: the embedded broker's journal, for real.
 */
@SpringBootTest(properties = {
        "bluebird.broker.memory=64KB",
        "spring.datasource.url=jdbc:h2:mem:broker-memory;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=true"})
class BrokerMemoryTest {

    private static final String QUEUE = "bluebird.backlog-test";

    @TempDir
    static Path journal;

    @DynamicPropertySource
    static void journalDirectory(DynamicPropertyRegistry registry) {
        registry.add("spring.artemis.embedded.data-directory", () -> journal.toString());
    }

    @Autowired
    EmbeddedActiveMQ broker;

    @Autowired
    JmsTemplate jms;

    @Test
    void aBacklogBeyondTheMemoryIsPagedToDiskAndDeliveredInOrder() throws Exception {
        String body = "x".repeat(1024);
        for (int i = 0; i < 300; i++) {
            jms.convertAndSend(QUEUE, i + ":" + body);
        }

        assertThat(broker.getActiveMQServer().getConfiguration().getGlobalMaxSize()).isEqualTo(64 * 1024);
        assertThat(broker.getActiveMQServer().getPagingManager().getPageStore(SimpleString.of(QUEUE)).isPaging())
                .isTrue();
        jms.setReceiveTimeout(5_000);
        for (int i = 0; i < 300; i++) {
            TextMessage received = (TextMessage) jms.receive(QUEUE);
            assertThat(received).isNotNull();
            assertThat(received.getText()).startsWith(i + ":");
        }
    }
}

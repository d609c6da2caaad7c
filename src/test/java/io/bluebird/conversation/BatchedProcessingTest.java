package io.bluebird.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.HubClient;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;

/**
 * The process stage takes what waits on bluebird.inbound in batches (BatchedConsumers): messages queued while it was
 * stopped are processed in fewer transactions than messages, each customer's in order, and one that cannot be
 * processed in the middle of them ends as a dead letter alone while every other becomes its ticket event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "bluebird.process.batch-size=8",
        "bluebird.broker.max-delivery-attempts=2",
        "spring.datasource.url=jdbc:h2:mem:batched-processing;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class BatchedProcessingTest {

    private static final int CUSTOMERS = 5;
    private static final int EACH = 6;

    @LocalServerPort
    int port;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    CamelContext camel;
    @Autowired
    MeterRegistry meters;

    @Test
    void queuedMessagesGoInBatchesInOrderAndAPoisonedBatchComesBackOneByOne() throws Exception {
        HubClient hub = new HubClient(port);
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(15_000);
        camel.getRouteController().stopRoute("process-inbound");
        for (int n = 0; n < EACH; n++) {
            for (int customer = 0; customer < CUSTOMERS; customer++) {
                assertThat(hub.postMessage(message(customer, n)).statusCode()).isEqualTo(202);
            }
            if (n == EACH / 2) {
                jms.send("bluebird.inbound", session -> session.createTextMessage("{\"channel\": \"mastodon\", "));
            }
        }
        camel.getRouteController().startRoute("process-inbound");

        Map<String, List<Integer>> byCustomer = new HashMap<>();
        for (int i = 0; i < CUSTOMERS * EACH; i++) {
            JsonNode event = HubClient.received(jms, "bluebird.helpdesk.tickets");
            assertThat(event).as("ticket event %d", i).isNotNull();
            String[] text = event.path("message").path("text").asText().split(" ");
            byCustomer.computeIfAbsent(text[1], c -> new ArrayList<>()).add(Integer.parseInt(text[3]));
        }
        assertThat(byCustomer).hasSize(CUSTOMERS);
        byCustomer.values().forEach(numbers -> assertThat(numbers).containsExactly(0, 1, 2, 3, 4, 5));
        assertThat(jms.receive("bluebird.dead-letters").getBody(String.class)).isEqualTo("{\"channel\": \"mastodon\", ");

        DistributionSummary batches = meters.get("bluebird.process.batch").summary();
        assertThat(batches.max()).as("messages in the largest transaction").isGreaterThan(1);
        assertThat(batches.count()).as("transactions").isLessThan(CUSTOMERS * EACH);
    }

    /**
     * A webhook sent three times at once (as X does when it thinks a delivery failed) puts three copies on the queue,
     * which one batch takes: the first is stored and its event sent in the batch's transaction, the others are
     * dropped there. Sent again as repeats, they would race that uncommitted send, and either reach the helpdesk twice
     * or have the broker reject the first copy's send at commit and roll the batch back.
     */
    @Test
    void copiesOfAMessageInOneBatchMakeOneEventAndCommitTheBatch() throws Exception {
        HubClient hub = new HubClient(port);
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        DistributionSummary batches = meters.get("bluebird.process.batch").summary();
        long batchesBefore = batches.count();
        camel.getRouteController().stopRoute("process-inbound");
        // the events wait on the delivery queue, to be counted there
        camel.getRouteController().stopRoute("deliver-jms");
        for (int copy = 0; copy < 3; copy++) {
            assertThat(hub.postMessage(message(7, 0)).statusCode()).isEqualTo(202);
        }
        camel.getRouteController().startRoute("process-inbound");

        await().atMost(Duration.ofSeconds(15)).until(() -> waiting(jms, "bluebird.tickets.jms") > 0
                && waiting(jms, "bluebird.inbound") == 0);
        assertThat(waiting(jms, "bluebird.tickets.jms")).as("ticket events of the three copies").isOne();
        assertThat(batches.count() - batchesBefore).as("transactions, none rolled back and redelivered").isOne();
        camel.getRouteController().startRoute("deliver-jms");
        jms.setReceiveTimeout(15_000);
        assertThat(HubClient.received(jms, "bluebird.helpdesk.tickets").path("message").path("text").asText())
                .isEqualTo("customer 7 message 0");
    }

    private static int waiting(JmsTemplate jms, String queue) {
        return jms.browse(queue, (session, browser) -> Collections.list(browser.getEnumeration()).size());
    }

    private static String message(int customer, int n) {
        return """
                {"channel": "mastodon", "visibility": "private", "nativeId": "b-%d-%d",
                 "account": "brand@mastodon.example", "author": {"id": "u-b%d", "handle": "batch%d"},
                 "text": "customer %d message %d"}""".formatted(customer, n, customer, customer, customer, n);
    }
}

package io.bluebird.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import io.bluebird.HubClient;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The process and delivery routes as Camel runs them, watched with Camel's test kit: NotifyBuilder says when a route
 * has done its exchanges (so a test asserts what did not happen without waiting an arbitrary time), and AdviceWith
 * puts a mock where the jms helpdesk's queue is.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluebird.api.token=" + HubClient.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:delivery-route;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class DeliveryRouteTest {

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;
    @Autowired
    ConnectionFactory connectionFactory;

    /** This class's context, advised once (it is thrown away after the class). */
    static boolean advised;

    MockEndpoint helpdesk;
    HubClient hub;

    @BeforeEach
    void theJmsHelpdesksQueueIsAMock() throws Exception {
        hub = new HubClient(port);
        if (!advised) {
            AdviceWith.adviceWith(camel, DeliveryRoutes.routeId("jms"), route -> route
                    .interceptSendToEndpoint("jms:queue:bluebird.helpdesk.tickets")
                    .skipSendToOriginalEndpoint().to("mock:helpdesk"));
            advised = true;
        }
        helpdesk = camel.getEndpoint("mock:helpdesk", MockEndpoint.class);
        helpdesk.reset();
    }

    /** A customer's mention and the DM after it: one conversation, its events in order, the second an update. */
    @Test
    void twoMessagesOfOneCustomerLeaveAsTheEventsOfOneConversationInOrder() throws Exception {
        NotifyBuilder processed = new NotifyBuilder(camel).fromRoute("process-inbound").whenDone(2).create();
        helpdesk.expectedMessageCount(2);

        hub.postMessage(HubClient.dm("5001", "u5001", "jorder", "My order never arrived"));
        hub.postMessage(HubClient.dm("5002", "u5001", "jorder", "It is order 1234"));

        assertThat(processed.matches(20, TimeUnit.SECONDS)).as("both processed").isTrue();
        helpdesk.assertIsSatisfied(20_000);
        Exchange first = helpdesk.getReceivedExchanges().get(0);
        Exchange second = helpdesk.getReceivedExchanges().get(1);
        assertThat(first.getMessage().getHeader("type")).isEqualTo("ticket.created");
        assertThat(second.getMessage().getHeader("type")).isEqualTo("ticket.updated");
        assertThat(second.getMessage().getHeader("conversationId"))
                .isEqualTo(first.getMessage().getHeader("conversationId"));
    }

    /** A second copy of a delivered event on the delivery queue: the route takes it and hands nothing over. */
    @Test
    void aCopyOfADeliveredEventIsTakenAndNotHandedOver() throws Exception {
        NotifyBuilder delivered = new NotifyBuilder(camel).fromRoute(DeliveryRoutes.routeId("jms")).whenDone(1)
                .create();
        hub.postMessage(HubClient.dm("5101", "u5101", "jcopy", "Where is my parcel?"));
        assertThat(delivered.matches(20, TimeUnit.SECONDS)).as("the event delivered").isTrue();
        helpdesk.expectedMessageCount(1);
        helpdesk.assertIsSatisfied(5_000);
        Exchange event = helpdesk.getReceivedExchanges().get(0);
        String body = event.getMessage().getBody(String.class);

        NotifyBuilder copyDone = new NotifyBuilder(camel).fromRoute(DeliveryRoutes.routeId("jms")).whenDone(1)
                .create();
        // without the duplicate id, by which the broker would drop it before the route sees it
        new JmsTemplate(connectionFactory).send("bluebird.tickets.jms", session -> {
            TextMessage copy = session.createTextMessage(body);
            for (String header : new String[] {"type", "eventId", "conversationId"}) {
                copy.setStringProperty(header, event.getMessage().getHeader(header, String.class));
            }
            copy.setStringProperty("JMSXGroupID", event.getMessage().getHeader("conversationId", String.class));
            return copy;
        });

        assertThat(copyDone.matches(20, TimeUnit.SECONDS)).as("the copy taken").isTrue();
        helpdesk.assertIsSatisfied();
        assertThat(helpdesk.getReceivedCounter()).as("events handed over").isEqualTo(1);
    }
}

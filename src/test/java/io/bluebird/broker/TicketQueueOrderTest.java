package io.bluebird.broker;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A ticket event rolled back (a delivery batch whose database work was lost) comes back before the events of its
 * conversation behind it, on the embedded broker with the hub's settings: the broker's redelivery delay holds the
 * conversation's later events with it (the consumer's window keeps them behind it), it does not let them overtake.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:ticket-queue-order;DB_CLOSE_DELAY=-1",
        "spring.artemis.embedded.persistent=false"})
class TicketQueueOrderTest {

    @Autowired
    ConnectionFactory connectionFactory;

    @Test
    void aRolledBackTicketEventComesBackBeforeTheNextOfItsConversation() throws Exception {
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = session.createQueue("bluebird.tickets.order-test");
            MessageProducer producer = session.createProducer(queue);
            for (String event : new String[] {"created", "updated"}) {
                TextMessage message = session.createTextMessage(event);
                message.setStringProperty("JMSXGroupID", "conversation-1");
                producer.send(message);
            }
            session.commit();

            MessageConsumer consumer = session.createConsumer(queue);
            assertThat(((TextMessage) consumer.receive(5_000)).getText()).isEqualTo("created");
            session.rollback();

            TextMessage again = (TextMessage) consumer.receive(5_000);
            assertThat(again.getText()).isEqualTo("created");
            assertThat(again.getJMSRedelivered()).isTrue();
            assertThat(((TextMessage) consumer.receive(5_000)).getText()).isEqualTo("updated");
            session.commit();
        }
    }
}

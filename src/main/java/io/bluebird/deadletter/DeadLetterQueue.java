package io.bluebird.deadletter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.model.NotFound;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.support.JmsUtils;
import org.springframework.stereotype.Component;

/**
 * The dead-letter queue as an operator sees it: {@code GET /api/dead-letters} lists it, and
 * {@code POST /api/dead-letters/{id}/replay} puts one message back on the queue it failed on, once whatever was
 * wrong is fixed. Moving it is one broker transaction: it is never lost nor in both places.
 */
@Component("deadLetterQueue")
public class DeadLetterQueue {

    public static final String QUEUE = "bluebird.dead-letters";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueue.class);
    /** Where the broker itself says a message came from, when it dead-lettered it (max delivery attempts). */
    private static final String BROKER_ORIGIN = "_AMQ_ORIG_QUEUE";

    private final JmsTemplate jms;
    private final ObjectMapper json;

    public DeadLetterQueue(ConnectionFactory connectionFactory, ObjectMapper json) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.json = json;
    }

    public DeadLetterList list() {
        List<DeadLetter> letters = jms.browse(QUEUE, (Session session, QueueBrowser browser) -> {
            List<DeadLetter> all = new ArrayList<>();
            for (Object message : Collections.list((Enumeration<?>) browser.getEnumeration())) {
                all.add(describe((Message) message));
            }
            return all;
        });
        return new DeadLetterList(letters == null ? List.of() : letters);
    }

    /** Moves the message back to its queue; 404 when it is not (or no longer) on the dead-letter queue. */
    public DeadLetter replay(String id) {
        if (!id.startsWith("ID:")) {
            // every JMS message id begins so: anything else is no dead letter, without a second's wait on the queue
            throw new NotFound("no dead letter " + id + " (a dead letter's id begins with ID:)");
        }
        return jms.execute(session -> {
            Queue deadLetters = session.createQueue(QUEUE);
            try (MessageConsumer consumer = session.createConsumer(deadLetters,
                    "JMSMessageID = '" + id.replace("'", "''") + "'")) {
                Message message = consumer.receive(1_000);
                if (message == null) {
                    throw new NotFound("no dead letter " + id + " (already replayed?)");
                }
                String origin = origin(message);
                if (origin == null) {
                    throw new DeadLetterWithoutQueue("dead letter " + id
                            + " cannot be replayed: it does not say which queue it came from (no deadLetterFrom"
                            + " property); it stays on bluebird.dead-letters");
                }
                TextMessage copy = session.createTextMessage(((TextMessage) message).getText());
                for (String name : Collections.list((Enumeration<String>) message.getPropertyNames())) {
                    if (!name.startsWith("deadLetter") && !name.startsWith("_AMQ_") && !name.startsWith("JMSX")) {
                        copy.setObjectProperty(name, message.getObjectProperty(name));
                    }
                }
                String group = message.getStringProperty("JMSXGroupID");
                if (group != null) {
                    copy.setStringProperty("JMSXGroupID", group);
                }
                try (MessageProducer producer = session.createProducer(session.createQueue(origin))) {
                    producer.send(copy);
                }
                DeadLetter replayed = describe(message);
                JmsUtils.commitIfNecessary(session);
                log.info("Replayed dead letter {} onto {}", id, origin);
                return replayed;
            }
        }, true);
    }

    private DeadLetter describe(Message message) throws JMSException {
        String text = message instanceof TextMessage t ? t.getText() : null;
        return new DeadLetter(message.getJMSMessageID(), message.getStringProperty("deadLetterReason"),
                origin(message), message.getStringProperty("deadLetterAt"), message.getStringProperty("type"),
                message.getStringProperty("conversationId"), parse(text));
    }

    private static String origin(Message message) throws JMSException {
        String from = message.getStringProperty("deadLetterFrom");
        return from != null ? from : message.getStringProperty(BROKER_ORIGIN);
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    /** The answer of {@code GET /api/dead-letters}. */
    public record DeadLetterList(List<DeadLetter> deadLetters) {
    }
}

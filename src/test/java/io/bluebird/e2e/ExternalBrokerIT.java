package io.bluebird.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.HubClient;
import jakarta.jms.Message;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * The broker scripts/artemis-test-server.sh makes has what the README asks of an external broker: the address
 * settings the embedded broker gets, and the queues bluebird.inbound and bluebird.dead-letters (read back through
 * the broker's management API).
 */
class ExternalBrokerIT {

    @Test
    void theTestBrokerHasTheReadmesAddressSettingsAndQueues() throws Exception {
        try (ExternalBroker broker = ExternalBroker.fresh();
             ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
             QueueConnection connection = factory.createQueueConnection(ExternalBroker.USER, ExternalBroker.PASSWORD)) {
            connection.start();
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueRequestor management = new QueueRequestor(session, session.createQueue("activemq.management"));

            JsonNode settings = HubClient.json((String) call(session, management, "getAddressSettingsAsJSON",
                    "bluebird.tickets.zendesk"));
            assertThat(settings.path("deadLetterAddress").asText()).isEqualTo("bluebird.dead-letters");
            assertThat(settings.path("maxDeliveryAttempts").asInt()).isEqualTo(10);
            assertThat(settings.path("redeliveryDelay").asLong()).isEqualTo(1000);
            assertThat(settings.path("redeliveryMultiplier").asDouble()).isEqualTo(2.0);
            assertThat(settings.path("maxRedeliveryDelay").asLong()).isEqualTo(60000);
            assertThat(settings.path("autoCreateQueues").asBoolean()).isTrue();
            assertThat((Object[]) call(session, management, "getQueueNames"))
                    .contains("bluebird.inbound", "bluebird.dead-letters");
        }
    }

    private static Object call(QueueSession session, QueueRequestor management, String operation, Object... arguments)
            throws Exception {
        Message request = session.createMessage();
        JMSManagementHelper.putOperationInvocation(request, "broker", operation, arguments);
        Message reply = management.request(request);
        assertThat(JMSManagementHelper.hasOperationSucceeded(reply)).as(operation).isTrue();
        return JMSManagementHelper.getResult(reply);
    }
}

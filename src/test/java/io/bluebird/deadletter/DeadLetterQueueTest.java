package io.bluebird.deadletter;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.model.NotFound;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.Test;

class DeadLetterQueueTest {

    @Test
    void anIdNoJmsMessageCanHaveIsNoDeadLetterWithoutAskingTheBroker() {
        ConnectionFactory broker = mock(ConnectionFactory.class);

        assertThatThrownBy(() -> new DeadLetterQueue(broker, new ObjectMapper()).replay("' OR '1'='1"))
                .isInstanceOf(NotFound.class)
                .hasMessage("no dead letter ' OR '1'='1 (a dead letter's id begins with ID:)");
        verifyNoInteractions(broker);
    }
}

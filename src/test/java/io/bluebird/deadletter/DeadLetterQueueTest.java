package io.bluebird.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.http.RequestRejected;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.Test;

class DeadLetterQueueTest {

    @Test
    void anIdNoJmsMessageCanHaveIsNoDeadLetterWithoutAskingTheBroker() {
        ConnectionFactory broker = mock(ConnectionFactory.class);

        assertThatThrownBy(() -> new DeadLetterQueue(broker, new ObjectMapper()).replay("'%20OR%20'1'%3D'1"))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.getStatus()).isEqualTo(404))
                .hasMessage("no dead letter ' OR '1'='1 (a dead letter's id begins with ID:)");
        verifyNoInteractions(broker);
    }
}

package io.bluebird.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.bluebird.conversation.TicketEvents;
import io.bluebird.model.Author;
import io.bluebird.model.Direction;
import io.bluebird.model.Priority;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.Visibility;
import org.junit.jupiter.api.Test;

/** Which ticket events the broker hands out first. */
class QueueHeadersTest {

    private static final SocialMessage DM = new SocialMessage("x:dm:1", "x", Visibility.PRIVATE, Direction.IN, "1",
            "42", new Author("7", "jdoe", null, null, null), null, "I want a refund", null, null, null,
            Instant.parse("2026-11-22T10:00:00Z"));

    @Test
    void aNewTicketGoesFirstByItsPriority() {
        TicketEvent created = TicketEvents.of("conv-1", null, List.of(DM), Instant.EPOCH);

        assertThat(QueueHeaders.jmsPriority(created.withPriority(Priority.URGENT))).isEqualTo(8);
        assertThat(QueueHeaders.jmsPriority(created.withPriority(Priority.HIGH))).isEqualTo(6);
        assertThat(QueueHeaders.jmsPriority(created.withPriority(Priority.NORMAL))).isEqualTo(4);
        assertThat(QueueHeaders.jmsPriority(created.withPriority(Priority.LOW))).isEqualTo(4);
    }

    @Test
    void aLaterEventNeverOvertakesItsConversation() {
        TicketEvent later = TicketEvents.later("conv-1", "5", "subject", DM.author(), DM, Instant.EPOCH)
                .withPriority(Priority.URGENT);

        assertThat(QueueHeaders.jmsPriority(later)).isEqualTo(QueueHeaders.DEFAULT_JMS_PRIORITY);
    }
}

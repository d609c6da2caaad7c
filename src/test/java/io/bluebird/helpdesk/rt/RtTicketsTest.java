package io.bluebird.helpdesk.rt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.bluebird.conversation.TicketEvents;
import io.bluebird.helpdesk.TicketUpdate;
import io.bluebird.helpdesk.RtSettings;
import io.bluebird.model.Author;
import io.bluebird.model.Direction;
import io.bluebird.model.Priority;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.TicketTags;
import io.bluebird.model.Visibility;
import org.junit.jupiter.api.Test;

class RtTicketsTest {

    static final SocialMessage DM = new SocialMessage("x:dm:9", "x", Visibility.PRIVATE, Direction.IN, "9", "42",
            new Author("7", "jdoe", "Jane Doe", 10L, false), null, "My order never arrived", null, null, null,
            Instant.parse("2026-11-22T10:00:00Z"));

    @Test
    void aNewTicketGoesToTheQueueWithItsFields() {
        TicketEvent event = TicketEvents.of("conv-1", null, List.of(DM), Instant.EPOCH).withPriority(Priority.HIGH)
                .withTags(List.of("priority-long-wait"));
        RtSettings settings = new RtSettings("http://rt", "Social", null, null, null, null, "Bluebird Conversation",
                null, Map.of("priority-rule", "Bluebird Priority Rule"), 0, 4);

        Map<String, Object> ticket = RtTickets.newTicket(event, List.of(), settings);

        assertThat(ticket).containsEntry("Queue", "Social").containsEntry("Requestor", "x-7@users.bluebird.invalid")
                .containsEntry("Priority", 70).containsEntry("ContentType", "text/plain")
                .containsEntry("CustomFields", Map.of("Bluebird Priority Rule", "long-wait",
                        "Bluebird Conversation", "conv-1"));
    }

    @Test
    void aReopenOrARaisedPriorityChangesTheTicket() {
        TicketEvent event = TicketEvents.of("conv-1", "5", List.of(DM), Instant.EPOCH).withPriority(Priority.URGENT);

        assertThat(RtTickets.changes(TicketUpdate.of(event, event.tags()))).isEmpty();
        assertThat(RtTickets.changes(TicketUpdate.of(
                event.withTags(List.of(TicketTags.REOPENED, TicketTags.PRIORITY_RAISED)), event.tags())))
                .containsEntry("Status", "open").containsEntry("Priority", 90);
    }
}

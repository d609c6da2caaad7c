package io.bluebird;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.bluebird.conversation.TicketEvents;
import io.bluebird.model.Author;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.Visibility;
import org.junit.jupiter.api.Test;

/** The schema holds the hub's own events and refuses what breaks the contract. */
class TicketEventSchemaTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ObjectNode event() {
        SocialMessage m = new SocialMessage("x:dm:1", "x", Visibility.PRIVATE, null, "1", "brand",
                new Author("u1", "jdoe", "Jane", 3L, false), null, "hello", null, null, List.of(), Instant.now());
        return json.valueToTree(TicketEvents.of("c1", null, List.of(m), Instant.now()));
    }

    @Test
    void theHubsEventsAreValidAndBrokenOnesAreNot() {
        TicketEventSchema.assertValid(event());

        ObjectNode noPriority = event();
        noPriority.remove("priority");
        assertThatThrownBy(() -> TicketEventSchema.assertValid(noPriority)).hasMessageContaining("priority");

        ObjectNode badType = event();
        badType.put("type", "ticket.deleted");
        assertThatThrownBy(() -> TicketEventSchema.assertValid(badType)).hasMessageContaining("type");
    }
}

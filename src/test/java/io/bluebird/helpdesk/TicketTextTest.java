package io.bluebird.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.bluebird.conversation.TicketEvents;
import io.bluebird.model.Author;
import io.bluebird.model.Direction;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.Visibility;
import org.junit.jupiter.api.Test;

/** How joined messages read on a ticket: each with its byline, in order, and one line saying they were joined. */
class TicketTextTest {

    private static final Author JDOE = new Author("7", "jdoe", null, null, null);

    private static SocialMessage dm(int n) {
        return new SocialMessage("x:dm:" + n, "x", Visibility.PRIVATE, Direction.IN, String.valueOf(n), "42", JDOE,
                null, "message " + n, null, null, null, Instant.parse("2026-11-22T10:0" + n + ":00Z"));
    }

    @Test
    void oneMessageIsItsTextAndByline() {
        assertThat(TicketText.comment(List.of(dm(1))))
                .isEqualTo("message 1\n\n— @jdoe on X, private message, 2026-11-22 10:01 UTC");
    }

    @Test
    void joinedMessagesFollowInOrderAndSaySo() {
        assertThat(TicketText.comment(List.of(dm(1), dm(2), dm(3)))).isEqualTo("""
                message 1

                — @jdoe on X, private message, 2026-11-22 10:01 UTC

                ----

                message 2

                — @jdoe on X, private message, 2026-11-22 10:02 UTC

                ----

                message 3

                — @jdoe on X, private message, 2026-11-22 10:03 UTC

                ----

                (2 more messages after the first, delivered together)""");
    }

    @Test
    void aNewTicketCarriesTheHistoryThenWhatWaited() {
        var created = TicketEvents.of("conv-1", null, List.of(dm(1)), Instant.EPOCH);

        String description = TicketText.newTicket(created, List.of(dm(2)));

        assertThat(description).startsWith("message 1").contains("message 2")
                .endsWith("(1 more message after the first, delivered together)");
        assertThat(TicketText.newTicket(created, List.of())).doesNotContain("delivered together");
    }
}

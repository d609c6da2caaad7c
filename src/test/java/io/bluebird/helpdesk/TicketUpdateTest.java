package io.bluebird.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.bluebird.conversation.TicketEvents;
import io.bluebird.model.Author;
import io.bluebird.model.Direction;
import io.bluebird.model.Priority;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.TicketTags;
import io.bluebird.model.Visibility;
import org.junit.jupiter.api.Test;

class TicketUpdateTest {

    private static final SocialMessage MENTION = new SocialMessage("x:tweet:2", "x", Visibility.PUBLIC, Direction.IN,
            "2", "42", new Author("7", "jdoe", null, null, null), null, "@brand still broken", null, null, null,
            Instant.parse("2026-11-22T10:06:00Z"));

    private static TicketEvent later() {
        return TicketEvents.later("conv-1", "5", "X private message from @jdoe: broken", MENTION.author(), MENTION,
                Instant.EPOCH);
    }

    @Test
    void onlyTheTagsTheTicketLacksAreNew() {
        TicketEvent event = later().withTags(List.of("also-on-messenger"));

        assertThat(TicketUpdate.of(event, List.of("x", "private")).newTags())
                .containsExactly("public", "also-on-messenger");
        assertThat(TicketUpdate.of(event, event.tags()).newTags()).isEmpty();
    }

    @Test
    void aPlainMessageNeitherReopensNorChangesThePriority() {
        TicketUpdate update = TicketUpdate.of(later().withPriority(Priority.URGENT), List.of());

        assertThat(update.reopen()).isFalse();
        assertThat(update.raisedTo()).as("an agent's own choice is left alone").isNull();
    }

    @Test
    void aReopenedConversationAndARaisedPrioritySaySo() {
        TicketUpdate update = TicketUpdate.of(later().withPriority(Priority.URGENT)
                .withTags(List.of(TicketTags.REOPENED, TicketTags.PRIORITY_RAISED)), List.of("x", "public"));

        assertThat(update.reopen()).isTrue();
        assertThat(update.raisedTo()).isEqualTo(Priority.URGENT);
        assertThat(update.newTags()).containsExactly(TicketTags.REOPENED, TicketTags.PRIORITY_RAISED);
    }

    @Test
    void messagesThatWaitedGoInTheCommentAfterTheEventsOwn() {
        SocialMessage next = new SocialMessage("x:tweet:3", "x", Visibility.PUBLIC, Direction.IN, "3", "42",
                MENTION.author(), null, "@brand hello?", null, null, null, Instant.parse("2026-11-22T10:07:00Z"));
        TicketUpdate update = TicketUpdate.of(later(), List.of(next), List.of());

        assertThat(update.messages()).containsExactly(MENTION, next);
        assertThat(update.changesTicket()).isTrue();
    }

    @Test
    void aMessageAnEarlierCallCarriedChangesTheTicketOnlyByWhatElseItSays() {
        assertThat(TicketUpdate.withoutMessage(later(), List.of()).changesTicket()).as("tags alone").isFalse();

        TicketUpdate reopened = TicketUpdate.withoutMessage(later().withTags(List.of(TicketTags.REOPENED)),
                List.of());
        assertThat(reopened.messages()).isEmpty();
        assertThat(reopened.changesTicket()).isTrue();
    }
}

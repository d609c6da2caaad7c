package io.bluebird.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.bluebird.model.Author;
import io.bluebird.model.Priority;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.TicketEventType;
import io.bluebird.model.Visibility;
import org.junit.jupiter.api.Test;

class TicketEventsTest {

    static SocialMessage message(String nativeId, Visibility visibility, String text) {
        return new SocialMessage(SocialMessage.idOf("x", visibility, nativeId), "x", visibility, null, nativeId,
                "4337869213", new Author("3805104374", "jdoe", "Jane Doe", 1200L, false), null, text, null, null, null,
                Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void theFirstMessageOfAConversationCreatesTheTicket() {
        SocialMessage first = message("1", Visibility.PUBLIC, "@brand my order never arrived");
        TicketEvent event = TicketEvents.of("c1", null, List.of(first), Instant.EPOCH);

        assertThat(event.schema()).isEqualTo("bluebird.ticket.v1");
        assertThat(event.type()).isEqualTo(TicketEventType.CREATED);
        assertThat(event.message()).isEqualTo(first);
        assertThat(event.history()).containsExactly(first);
        assertThat(event.priority()).isEqualTo(Priority.NORMAL);
        assertThat(event.tags()).containsExactly("x", "public");
        assertThat(event.customer().handle()).isEqualTo("jdoe");
        assertThat(event.customer().followers()).isEqualTo(1200L);
        assertThat(event.customer().crm()).isNull();
        assertThat(event.subject()).isEqualTo("X public message from @jdoe: @brand my order never arrived");
    }

    @Test
    void laterMessagesUpdateItAndKeepTheFirstMessagesSubject() {
        SocialMessage first = message("1", Visibility.PUBLIC, "@brand help");
        SocialMessage dm = message("2", Visibility.PRIVATE, "order 1234");
        TicketEvent event = TicketEvents.of("c1", "35436", List.of(first, dm), Instant.EPOCH);

        assertThat(event.type()).isEqualTo(TicketEventType.UPDATED);
        assertThat(event.helpdeskTicketId()).isEqualTo("35436");
        assertThat(event.message()).isEqualTo(dm);
        assertThat(event.tags()).containsExactly("x", "private");
        assertThat(event.subject()).endsWith("@brand help");
    }

    @Test
    void theEventIdDependsOnlyOnTheMessage() {
        assertThat(TicketEvents.eventIdOf("x:dm:1")).isEqualTo(TicketEvents.eventIdOf("x:dm:1"))
                .isNotEqualTo(TicketEvents.eventIdOf("x:dm:2"));
    }

    @Test
    void longTextIsCutInTheSubject() {
        String subject = TicketEvents.subject(message("1", Visibility.PRIVATE, "a\nb " + "x".repeat(200)));
        assertThat(subject).startsWith("X private message from @jdoe: a b xxx").endsWith("…");
        assertThat(subject.length()).isLessThan(100);
    }
}

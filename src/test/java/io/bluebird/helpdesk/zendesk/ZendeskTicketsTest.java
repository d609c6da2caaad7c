package io.bluebird.helpdesk.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.conversation.TicketEvents;
import io.bluebird.helpdesk.TicketUpdate;
import io.bluebird.model.Author;
import io.bluebird.model.CrmRecord;
import io.bluebird.model.Customer;
import io.bluebird.model.Direction;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketTags;
import io.bluebird.model.SurveyResult;
import io.bluebird.model.Priority;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.Visibility;
import org.junit.jupiter.api.Test;

class ZendeskTicketsTest {

    private static final SocialMessage DM = new SocialMessage("x:dm:9", "x", Visibility.PRIVATE, Direction.IN, "9",
            "42", new Author("7", "jdoe", "Jane Doe", 10L, false), null, "My order never arrived", null, null, null,
            Instant.parse("2026-11-22T10:00:00Z"));

    @Test
    void aNewTicketCarriesTheConversationAsExternalIdAndAPlaceholderRequester() throws Exception {
        TicketEvent event = TicketEvents.of("conv-1", null, List.of(DM), Instant.EPOCH);

        String json = new ObjectMapper().writeValueAsString(new ZendeskTickets.TicketRequest(
                ZendeskTickets.newTicket(event, List.of(), Map.of())));

        assertThat(new ObjectMapper().readTree(json)).isEqualTo(new ObjectMapper().readTree("""
                {"ticket": {
                  "subject": "X private message from @jdoe: My order never arrived",
                  "comment": {"body": "My order never arrived\\n\\n— @jdoe on X, private message, 2026-11-22 10:00 UTC",
                              "public": true},
                  "requester": {"name": "Jane Doe", "email": "x-7@users.bluebird.invalid"},
                  "priority": "normal",
                  "tags": ["x", "private"],
                  "external_id": "conv-1"}}"""));
    }

    @Test
    void theRequesterIsTheCrmEmailWhenThereIsOne() {
        TicketEvent event = TicketEvents.of("conv-1", null, List.of(DM), Instant.EPOCH);
        TicketEvent known = new TicketEvent(event.schema(), event.type(), event.eventId(), event.occurredAt(),
                event.conversationId(), null, event.priority(), event.subject(),
                new Customer("x", "7", "jdoe", "Jane Doe", 10L,
                        new CrmRecord("c-1", "Jane Doe", "jane@example.com", null, true, "gold", List.of(), List.of())),
                event.message(), event.history(), event.tags(), null);

        assertThat(ZendeskTickets.newTicket(known, List.of(), Map.of()).requester().email()).isEqualTo("jane@example.com");
    }

    @Test
    void configuredCustomFieldsCarryWhatTheHubKnows() {
        TicketEvent event = TicketEvents.of("conv-1", null, List.of(DM), Instant.EPOCH);
        TicketEvent known = new TicketEvent(event.schema(), event.type(), event.eventId(), event.occurredAt(),
                event.conversationId(), null, event.priority(), event.subject(),
                new Customer("x", "7", "jdoe", "Jane Doe", 10L,
                        new CrmRecord("c-1", "Jane Doe", "jane@example.com", null, true, "gold", List.of(), List.of())),
                event.message(), event.history(), List.of("x", "private", "priority-vip"), null);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("conversation", "360001");
        fields.put("crm-tier", "360002");
        fields.put("priority-rule", "360003");
        fields.put("followers", "360004");

        assertThat(ZendeskTickets.newTicket(known, List.of(), fields).customFields()).containsExactly(
                new ZendeskTickets.CustomField(360001, "conv-1"), new ZendeskTickets.CustomField(360002, "gold"),
                new ZendeskTickets.CustomField(360003, "vip"), new ZendeskTickets.CustomField(360004, 10L));
    }

    @Test
    void theIdempotencyKeyIsTheSameForEveryEventOfAConversation() {
        TicketEvent first = TicketEvents.of("conv-1", null, List.of(DM), Instant.EPOCH);
        TicketEvent again = TicketEvents.of("conv-1", null, List.of(DM), Instant.now());
        assertThat(ZendeskTickets.idempotencyKey(first)).isEqualTo(ZendeskTickets.idempotencyKey(again))
                .isEqualTo("bluebird-conversation-conv-1");
    }

    @Test
    void whatTheBrandWroteIsAnInternalComment() {
        SocialMessage out = new SocialMessage("x:dm:10", "x", Visibility.PRIVATE, Direction.OUT, "10", "42",
                new Author("42", "brand", "Brand", null, null), new Author("7", "jdoe", null, null, null),
                "We are on it", null, null, null,
                Instant.parse("2026-11-22T10:05:00Z"));
        TicketEvent event = TicketEvents.of("conv-1", "35436", List.of(DM, out), Instant.EPOCH);

        ZendeskTickets.Ticket comment = ZendeskTickets.comment(TicketUpdate.of(event, event.tags()));

        assertThat(comment.comment().isPublic()).isFalse();
        assertThat(comment.comment().body()).startsWith("We are on it").contains("the brand on X");
        assertThat(comment.subject()).isNull();
    }

    /** The tags the DM's ticket was created with. */
    private static final List<String> TICKET_TAGS = List.of("x", "private");

    @Test
    void aMessageThatRaisedThePriorityRaisesTheTickets() {
        SocialMessage urgent = new SocialMessage("x:dm:11", "x", Visibility.PRIVATE, Direction.IN, "11", "42",
                new Author("7", "jdoe", null, null, null), null, "This is urgent, I will cancel", null, null, null,
                Instant.parse("2026-11-22T10:06:00Z"));
        TicketEvent event = TicketEvents.of("conv-1", "35436", List.of(DM, urgent), Instant.EPOCH)
                .withPriority(Priority.URGENT).withTags(List.of(TicketTags.PRIORITY_RAISED, "priority-churn-risk"));
        TicketEvent plain = TicketEvents.of("conv-1", "35436", List.of(DM, urgent), Instant.EPOCH)
                .withPriority(Priority.URGENT);

        ZendeskTickets.Ticket raised = ZendeskTickets.comment(TicketUpdate.of(event, TICKET_TAGS));

        assertThat(raised.priority()).isEqualTo("urgent");
        assertThat(TicketUpdate.of(event, TICKET_TAGS).newTags())
                .containsExactly(TicketTags.PRIORITY_RAISED, "priority-churn-risk");
        assertThat(raised.tags()).as("tags on an update would replace the ticket's").isNull();
        assertThat(ZendeskTickets.comment(TicketUpdate.of(plain, TICKET_TAGS)).priority()).as("an agent's own choice is left alone").isNull();
        assertThat(TicketUpdate.of(plain, TICKET_TAGS).newTags()).isEmpty();
    }

    @Test
    void aSurveyResultIsAnInternalCommentWithTheScore() {
        TicketEvent event = TicketEvents.of("conv-1", "35436", List.of(DM), Instant.EPOCH)
                .withSurvey(new SurveyResult("nps", 9, "0-10", "Quick and kind", Instant.parse("2026-11-23T09:00:00Z")));

        ZendeskTickets.Ticket result = ZendeskTickets.surveyResult(event, "");

        assertThat(result.comment().isPublic()).isFalse();
        assertThat(result.comment().body()).isEqualTo(
                "Survey answered: NPS 9/10\n\nThe customer added: Quick and kind\n\n— 2026-11-23 09:00 UTC");
        assertThat(result.tags()).as("the score's tag is added on its own, not set over the ticket's").isNull();
        assertThat(result.customFields()).isNull();
    }
}

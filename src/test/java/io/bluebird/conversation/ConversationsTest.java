package io.bluebird.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.bluebird.MutableClock;
import io.bluebird.model.Author;
import io.bluebird.model.Direction;
import io.bluebird.model.OutboundMessage;
import io.bluebird.model.OutboundPurpose;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.TicketEventType;
import io.bluebird.model.TicketTags;
import io.bluebird.model.Visibility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Conversations against a real (in-memory H2) database migrated by the hub's own Flyway scripts. */
class ConversationsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private ConversationStore store;
    private Conversations conversations;

    @BeforeEach
    void database() {
        DriverManagerDataSource db = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).load().migrate();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        store = new ConversationStore(new JdbcTemplate(db), json);
        conversations = new Conversations(store, clock, new ConversationSettings(Duration.ofDays(7)),
                new TicketSettings(TicketSettings.History.CREATED));
    }

    private static SocialMessage from(String authorId, Visibility visibility, String nativeId, String text) {
        return new SocialMessage(SocialMessage.idOf("x", visibility, nativeId), "x", visibility, Direction.IN,
                nativeId, "brand-1", new Author(authorId, "jdoe", "Jane Doe", 10L, false), null, text, null, null,
                List.of(), Instant.parse("2026-11-22T09:00:00Z"));
    }

    @Test
    void aPublicMentionAndTheDmsThatFollowAreOneConversation() {
        TicketEvent mention = conversations.record(from("u1", Visibility.PUBLIC, "1", "@brand help")).event();
        TicketEvent dm = conversations.record(from("u1", Visibility.PRIVATE, "2", "order 1234")).event();
        TicketEvent other = conversations.record(from("u2", Visibility.PRIVATE, "3", "me too")).event();

        assertThat(mention.type()).isEqualTo(TicketEventType.CREATED);
        assertThat(dm.type()).isEqualTo(TicketEventType.UPDATED);
        assertThat(dm.conversationId()).isEqualTo(mention.conversationId());
        assertThat(mention.history()).extracting(SocialMessage::id).containsExactly("x:public:1");
        assertThat(dm.history()).isEmpty();
        assertThat(dm.message().id()).isEqualTo("x:dm:2");
        assertThat(dm.subject()).isEqualTo(mention.subject());
        assertThat(other.conversationId()).isNotEqualTo(mention.conversationId());
    }

    @Test
    void everyEventCarriesTheWholeHistoryWhenConfiguredSo() {
        Conversations always = new Conversations(store, clock, new ConversationSettings(Duration.ofDays(7)),
                new TicketSettings(TicketSettings.History.ALWAYS));
        always.record(from("u1", Visibility.PUBLIC, "1", "@brand help"));
        TicketEvent dm = always.record(from("u1", Visibility.PRIVATE, "2", "order 1234")).event();

        assertThat(dm.type()).isEqualTo(TicketEventType.UPDATED);
        assertThat(dm.history()).extracting(SocialMessage::id).containsExactly("x:public:1", "x:dm:2");
    }

    @Test
    void theConversationKnowsSinceWhenTheCustomerWaitsForAnAnswer() {
        SocialMessage first = from("u1", Visibility.PRIVATE, "1", "hello?");
        TicketEvent event = conversations.record(first).event();
        SocialMessage again = new SocialMessage("x:dm:2", "x", Visibility.PRIVATE, Direction.IN, "2", "brand-1",
                first.author(), null, "any news?", null, null, List.of(), Instant.parse("2026-11-22T09:30:00Z"));
        conversations.record(again);
        assertThat(store.findWithoutMessages(event.conversationId()).orElseThrow().waitingSince())
                .isEqualTo(first.createdAt());

        conversations.recordNote(event.conversationId(), "looking into it");
        assertThat(store.findWithoutMessages(event.conversationId()).orElseThrow().waitingSince()).isNull();
    }

    @Test
    void aDuplicateIsSentAgainUntilItsEventIsDeliveredThenDropped() {
        SocialMessage message = from("u1", Visibility.PRIVATE, "1", "hello");
        TicketEvent first = conversations.record(message).event();

        TicketEvent again = conversations.record(message).event();
        assertThat(again.eventId()).isEqualTo(first.eventId());
        assertThat(again.history()).hasSize(1);

        store.markDelivered(first.eventId(), Instant.now());
        assertThat(conversations.record(message)).isNull();
    }

    @Test
    void whatTheHubSentIsStoredAsTheBrandsWordsAndItsEchoIsDropped() {
        TicketEvent created = conversations.record(from("u1", Visibility.PRIVATE, "1", "hello")).event();
        OutboundMessage reply = new OutboundMessage("o-1", created.conversationId(), "x", "brand-1",
                Visibility.PRIVATE, "u1", null, "How can we help?", List.of(), OutboundPurpose.AGENT_REPLY,
                Instant.now());

        SocialMessage sent = conversations.recordSent(reply, "555");

        assertThat(sent.id()).isEqualTo("x:dm:555");
        assertThat(sent.direction()).isEqualTo(Direction.OUT);
        assertThat(sent.customer().id()).isEqualTo("u1");
        SocialMessage echo = new SocialMessage("x:dm:555", "x", Visibility.PRIVATE, Direction.OUT, "555", "brand-1",
                new Author("brand-1", "brand", null, null, null), new Author("u1", null, null, null, null),
                "How can we help?", null, null, List.of(), Instant.now());
        assertThat(conversations.record(echo)).isNull();
        assertThat(conversations.get(created.conversationId()).messages()).extracting(SocialMessage::text)
                .containsExactly("hello", "How can we help?");
    }

    @Test
    void anAgentsMessageTypedOnTheChannelJoinsTheCustomersConversation() {
        TicketEvent created = conversations.record(from("u1", Visibility.PRIVATE, "1", "hello")).event();
        SocialMessage agent = new SocialMessage("x:dm:9", "x", Visibility.PRIVATE, Direction.OUT, "9", "brand-1",
                new Author("brand-1", "brand", null, null, null), new Author("u1", null, null, null, null),
                "Typed in X", null, null, List.of(), Instant.now());

        TicketEvent event = conversations.record(agent).event();

        assertThat(event.conversationId()).isEqualTo(created.conversationId());
        assertThat(event.type()).isEqualTo(TicketEventType.UPDATED);
        assertThat(event.customer().id()).isEqualTo("u1");
    }

    @Test
    void aNoteIsAnEventForTheTicket() {
        TicketEvent created = conversations.record(from("u1", Visibility.PRIVATE, "1", "hello")).event();

        TicketEvent note = conversations.recordNote(created.conversationId(), "The reply could not be delivered");

        assertThat(note.type()).isEqualTo(TicketEventType.UPDATED);
        assertThat(note.message().direction()).isEqualTo(Direction.OUT);
        assertThat(note.message().text()).isEqualTo("The reply could not be delivered");
        assertThat(note.conversationId()).isEqualTo(created.conversationId());
    }

    @Test
    void aMessageWithinTheReopenWindowReopensTheSolvedConversationAfterItStartsANewOne() {
        TicketEvent first = conversations.record(from("u1", Visibility.PRIVATE, "1", "hello")).event();
        conversations.solve(first.conversationId());

        clock.advance(Duration.ofDays(6));
        TicketEvent again = conversations.record(from("u1", Visibility.PRIVATE, "2", "it broke again")).event();
        assertThat(again.conversationId()).isEqualTo(first.conversationId());
        assertThat(again.type()).isEqualTo(TicketEventType.UPDATED);
        assertThat(again.tags()).contains(TicketTags.REOPENED);
        assertThat(again.history()).extracting(SocialMessage::id).containsExactly("x:dm:1", "x:dm:2");
        assertThat(conversations.get(first.conversationId()).status()).isEqualTo("open");

        conversations.solve(first.conversationId());
        clock.advance(Duration.ofDays(8));
        TicketEvent later = conversations.record(from("u1", Visibility.PRIVATE, "3", "new problem")).event();
        assertThat(later.conversationId()).isNotEqualTo(first.conversationId());
        assertThat(later.type()).isEqualTo(TicketEventType.CREATED);
    }

    @Test
    void aQuickReplyToTheWelcomeIsRecordedAsTheChoiceOnce() {
        TicketEvent first = conversations.record(from("u1", Visibility.PRIVATE, "1", "hello")).event();
        SocialMessage chose = new SocialMessage("x:dm:2", "x", Visibility.PRIVATE, Direction.IN, "2", "brand-1",
                new Author("u1", "jdoe", null, null, null), null, "Billing", null, "choice:billing", List.of(),
                Instant.now());
        conversations.record(chose);
        conversations.record(new SocialMessage("x:dm:3", "x", Visibility.PRIVATE, Direction.IN, "3", "brand-1",
                new Author("u1", "jdoe", null, null, null), null, "Order", null, "choice:order", List.of(),
                Instant.now()));

        assertThat(conversations.get(first.conversationId()).choice()).isEqualTo("billing");
    }
}

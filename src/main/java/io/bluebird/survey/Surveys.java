package io.bluebird.survey;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.bluebird.conversation.Conversations;
import io.bluebird.model.Conversation;
import io.bluebird.model.Direction;
import io.bluebird.model.OutboundMessage;
import io.bluebird.model.OutboundPurpose;
import io.bluebird.model.QuickReply;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.SurveyResult;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The satisfaction survey of a solved conversation: sent by DM in the conversation itself, at most one per solved
 * conversation and none to a customer surveyed lately or out of the channel's messaging window; the customer's
 * answer (a tapped score, or a DM that is just a number in range within the answer window, then maybe a comment)
 * becomes a survey.completed event for the ticket's helpdesk and never opens a new ticket.
 */
@Component("surveys")
public class Surveys {

    private static final Logger log = LoggerFactory.getLogger(Surveys.class);

    private final SurveySettings settings;
    private final SurveyStore store;
    private final Conversations conversations;
    private final SurveyMetrics metrics;
    private final Clock clock;

    public Surveys(SurveySettings settings, SurveyStore store, Conversations conversations, SurveyMetrics metrics,
                   Clock clock) {
        this.settings = settings;
        this.store = store;
        this.conversations = conversations;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The ticket is solved: the conversation closes, and the survey to send, if one may be sent (a list of 0 or 1). */
    @Transactional
    public List<OutboundMessage> solved(String conversationId) {
        conversations.solve(conversationId);
        Conversation conversation = conversations.get(conversationId);
        Optional<String> reason = reasonNotToSurvey(conversation);
        if (reason.isPresent()) {
            log.info("No survey for conversation {}: {}", conversationId, reason.get());
            return List.of();
        }
        Instant now = clock.instant();
        SurveyType type = settings.typeFor(conversation.channel());
        SurveySettings.Wording words = settings.wordingFor(conversation.channel());
        store.insert(new Survey(UUID.randomUUID().toString(), conversationId, conversation.channel(),
                conversation.account(), conversation.customer().id(), conversation.helpdesk(), type, now, null, null,
                null, null, null));
        metrics.refresh();
        log.info("Survey ({}) sent for conversation {}", type.value(), conversationId);
        String text = (type == SurveyType.CSAT ? words.csat() : words.nps());
        return List.of(dm(conversation, personal(text, conversation), type.choices(), now));
    }

    private Optional<String> reasonNotToSurvey(Conversation conversation) {
        if (!settings.enabled()) {
            return Optional.of("surveys are disabled (bluebird.survey.enabled)");
        }
        if (store.existsFor(conversation.id())) {
            return Optional.of("it was surveyed before");
        }
        Instant now = clock.instant();
        Optional<Survey> last = store.latestFor(conversation.channel(), conversation.account(),
                conversation.customer().id());
        if (last.isPresent() && last.get().sentAt().isAfter(now.minus(settings.quietPeriod()))) {
            return Optional.of("the customer was surveyed on " + last.get().sentAt() + ", within the quiet period "
                    + settings.quietPeriod());
        }
        Duration window = settings.messagingWindowOf(conversation.channel());
        Optional<Instant> lastHeard = conversation.messages().stream().filter(m -> m.direction() == Direction.IN)
                .map(SocialMessage::createdAt).reduce((a, b) -> b);
        if (window != null && (lastHeard.isEmpty() || lastHeard.get().plus(window).isBefore(now))) {
            return Optional.of("the " + conversation.channel() + " messaging window (" + window
                    + " after the customer's last message) has closed");
        }
        return Optional.empty();
    }

    /** The customer's answer to the conversation's survey, once there is one. */
    public Optional<SurveyResult> resultOf(String conversationId) {
        return store.forConversation(conversationId).filter(survey -> survey.score() != null)
                .map(survey -> new SurveyResult(survey.type().value(), survey.score(), survey.type().scale(),
                        survey.comment(), survey.answeredAt()));
    }

    /** Whether this customer message is an answer to their survey (or its follow-up comment), not a new request. */
    public boolean isAnswer(SocialMessage message) {
        return answerTo(message).isPresent();
    }

    /**
     * Records the answer and returns the survey.completed event for the ticket; null when that event was delivered
     * before (the same answer redelivered).
     */
    @Transactional
    public TicketEvent answer(SocialMessage message) {
        Answer answer = answerTo(message).orElseThrow(() -> new IllegalStateException(message.id()
                + " is no survey answer"));
        Survey survey = answer.survey();
        Instant now = clock.instant();
        if (answer.score() != null && store.answer(survey.id(), answer.score(), message.id(), now)) {
            metrics.refresh();
            log.info("Survey of conversation {} answered: {} {}", survey.conversationId(), survey.type().value(),
                    answer.score());
        } else if (answer.score() == null) {
            store.comment(survey.id(), message.text().strip(), message.id());
        }
        Survey recorded = store.latestFor(survey.channel(), survey.account(), survey.customerId()).orElseThrow();
        TicketEvent event = conversations.recordSurveyAnswer(message, survey.conversationId());
        if (event == null) {
            return null;
        }
        return event.withSurvey(new SurveyResult(recorded.type().value(), recorded.score(), recorded.type().scale(),
                recorded.comment(), recorded.answeredAt()));
    }

    /** The one short thank-you DM for a score (a follow-up comment gets none). */
    public List<OutboundMessage> thanks(TicketEvent event) {
        if (event == null || event.survey() == null || event.survey().comment() != null) {
            return List.of();
        }
        Conversation conversation = conversations.get(event.conversationId());
        String text = settings.wordingFor(conversation.channel()).thanks();
        return text == null || text.isBlank() ? List.of()
                : List.of(dm(conversation, personal(text, conversation), List.of(), clock.instant()));
    }

    public boolean hasAlsoTo() {
        return settings.alsoTo() != null && !settings.alsoTo().isBlank();
    }

    /** The helpdesk that also gets every survey.completed event besides the ticket's own (bluebird.survey.also-to). */
    public String alsoTo() {
        return settings.alsoTo().strip();
    }

    /** The event for the also-to helpdesk: its own event id, so each destination's delivery is tracked apart. */
    public TicketEvent copyForAlsoTo(TicketEvent event) {
        return event.withEventId(UUID.nameUUIDFromBytes((event.eventId() + "|" + alsoTo())
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    private Optional<Answer> answerTo(SocialMessage message) {
        if (message.direction() != Direction.IN || message.visibility() != Visibility.PRIVATE) {
            return Optional.empty();
        }
        Optional<Survey> latest = store.latestFor(message.channel(), message.account(), message.author().id());
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Survey survey = latest.get();
        if (message.id().equals(survey.answerMessageId())) {
            return Optional.of(new Answer(survey, survey.score()));
        }
        if (message.id().equals(survey.commentMessageId())) {
            return Optional.of(new Answer(survey, null));
        }
        Instant sent = message.createdAt() != null ? message.createdAt() : clock.instant();
        if (survey.answeredAt() == null) {
            if (sent.isAfter(survey.sentAt().plus(settings.answerWindow()))) {
                return Optional.empty();
            }
            return survey.type().scoreOf(message.quickReplyPayload(), message.text()).map(s -> new Answer(survey, s));
        }
        boolean commentable = survey.comment() == null && message.quickReplyPayload() == null
                && message.text() != null && !message.text().isBlank()
                && !sent.isAfter(survey.answeredAt().plus(settings.commentWindow()));
        return commentable ? Optional.of(new Answer(survey, null)) : Optional.empty();
    }

    /** {@code score} null: the message is the comment that follows the score. */
    private record Answer(Survey survey, Integer score) {
    }

    private OutboundMessage dm(Conversation conversation, String text, List<QuickReply> choices,
                               Instant now) {
        return new OutboundMessage(UUID.randomUUID().toString(), conversation.id(), conversation.channel(),
                conversation.account(), Visibility.PRIVATE, conversation.customer().id(), null, text, choices,
                OutboundPurpose.SURVEY, now);
    }

    private static String personal(String text, Conversation conversation) {
        String name = conversation.customer().name() != null ? conversation.customer().name()
                : conversation.customer().handle() != null ? conversation.customer().handle() : "";
        return text.replace("{name}", name).replace(" ,", ",").strip();
    }
}

package io.bluebird.helpdesk;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.bluebird.conversation.TicketEvents;
import io.bluebird.model.Attachment;
import io.bluebird.model.Direction;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.SurveyResult;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.Visibility;

/** How messages read in a ticket's comments, the same in every helpdesk. */
public final class TicketText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TicketText() {
    }

    /** One message: its text, its attachments, then a line saying who wrote it where and when. */
    public static String of(SocialMessage m) {
        StringBuilder text = new StringBuilder(m.text() == null ? "" : m.text().strip());
        for (Attachment a : m.attachments()) {
            text.append(text.isEmpty() ? "" : "\n").append("[").append(a.type() == null ? "attachment" : a.type())
                    .append("] ").append(a.url());
        }
        return text.append("\n\n— ").append(byline(m)).toString();
    }

    /** Several messages, oldest first, separated so an agent sees where one ends. */
    public static String of(List<SocialMessage> history) {
        return history.stream().map(TicketText::of).collect(Collectors.joining("\n\n----\n\n"));
    }

    /**
     * What a new ticket says: the conversation so far, or the message alone when the event carries no history (a
     * ticket made by a later event, because the first one's never got there), then {@code joined}, the messages that
     * waited behind it.
     */
    public static String newTicket(TicketEvent event, List<SocialMessage> joined) {
        List<SocialMessage> messages = new ArrayList<>(event.history().isEmpty() ? List.of(event.message())
                : event.history());
        messages.addAll(joined);
        return of(messages) + joinedNote(joined.size());
    }

    /** A comment of several messages: each as {@link #of(SocialMessage)}, and a line that says they were joined. */
    public static String comment(List<SocialMessage> messages) {
        return of(messages) + joinedNote(messages.size() - 1);
    }

    /** Tells the agent that messages waited and left in one call, so they are not taken for one long message. */
    private static String joinedNote(int more) {
        return more <= 0 ? "" : "\n\n----\n\n(" + more + " more message" + (more == 1 ? "" : "s")
                + " after the first, delivered together)";
    }

    /** The internal note that tells agents how the customer rated the solved ticket, e.g. "CSAT 4/5". */
    public static String of(SurveyResult survey) {
        String score = survey.type().toUpperCase() + " " + survey.score() + "/"
                + survey.scale().substring(survey.scale().indexOf('-') + 1);
        return "Survey answered: " + score + (survey.comment() == null || survey.comment().isBlank() ? ""
                : "\n\nThe customer added: " + survey.comment().strip())
                + (survey.answeredAt() == null ? "" : "\n\n— " + WHEN.format(survey.answeredAt()));
    }

    static String byline(SocialMessage m) {
        String who = m.direction() == Direction.OUT ? "the brand"
                : m.author().handle() != null ? "@" + m.author().handle() : m.author().name();
        String where = m.visibility() == Visibility.PUBLIC ? "public post" : "private message";
        return who + " on " + TicketEvents.channelName(m.channel()) + ", " + where
                + (m.createdAt() == null ? "" : ", " + WHEN.format(m.createdAt()));
    }
}

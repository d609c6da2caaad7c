package io.bluebird.priority;

import java.time.Clock;
import java.util.List;

import io.bluebird.conversation.Conversations;
import io.bluebird.model.Conversation;
import io.bluebird.model.Priority;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.TicketEventType;
import io.bluebird.model.TicketTags;
import org.springframework.stereotype.Component;

/**
 * Sets a ticket event's priority from the configured rules. A conversation's priority only ever rises: a calm
 * follow-up does not lower a ticket an earlier message made urgent. The rule that decided is kept on the
 * conversation and tagged on the ticket, so agents see why.
 */
@Component("priorities")
public class Priorities {

    private final PriorityRules rules;
    private final Conversations conversations;
    private final Clock clock;

    public Priorities(PriorityRules rules, Conversations conversations, Clock clock) {
        this.rules = rules;
        this.conversations = conversations;
        this.clock = clock;
    }

    /** {@code conversation}: the event's conversation as its message left it ({@code RecordedMessage}). */
    public TicketEvent prioritize(TicketEvent event, Conversation conversation) {
        PriorityDecision.Outcome outcome = PriorityDecision.decide(rules, event, conversation.choice(),
                conversation.waitingSince(), clock.instant());
        Priority priority = outcome.priority();
        String rule = outcome.rule();
        boolean raised = false;
        if (conversation.priority() != null && conversation.priority().compareTo(priority) < 0) {
            priority = conversation.priority();
            rule = conversation.priorityRule();
        } else if (conversation.priority() != priority || rule != null) {
            raised = conversation.priority() != null && conversation.priority() != priority
                    && event.type() == TicketEventType.UPDATED;
            conversations.setPriority(event.conversationId(), priority, rule);
        }
        TicketEvent prioritized = event.withPriority(priority);
        if (raised) {
            prioritized = prioritized.withTags(List.of(TicketTags.PRIORITY_RAISED));
        }
        return rule == null ? prioritized : prioritized.withTags(List.of("priority-" + rule));
    }
}

package io.bluebird.helpdesk;

import io.bluebird.conversation.Conversations;
import io.bluebird.model.Conversation;
import io.bluebird.model.TicketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Chooses the helpdesk of a conversation when its first ticket event leaves, once it is enriched and prioritized
 * (so the rules can look at priority and CRM tier); the conversation stays with that helpdesk for its whole life.
 */
@Component("helpdeskRouting")
public class HelpdeskRouting {

    private static final Logger log = LoggerFactory.getLogger(HelpdeskRouting.class);

    private final HelpdeskConfig config;
    private final Conversations conversations;

    public HelpdeskRouting(HelpdeskConfig config, Conversations conversations) {
        this.config = config;
        this.conversations = conversations;
    }

    /** The conversation's helpdesk, chosen now by the routing rules if it has none yet. */
    public String helpdeskOf(TicketEvent event) {
        return helpdeskOf(event, conversations.state(event.conversationId()));
    }

    /** The same, from the conversation's state at hand ({@code RecordedMessage}), which it then need not read. */
    public String helpdeskOf(TicketEvent event, Conversation conversation) {
        if (conversation.helpdesk() != null) {
            return conversation.helpdesk();
        }
        RoutingRules.Rule rule = new RoutingRules(config.routing().rules()).match(event, conversation.choice());
        String helpdesk = rule == null ? config.routing().defaultHelpdesk() : rule.helpdesk();
        conversations.assignHelpdesk(event.conversationId(), helpdesk);
        log.info("Conversation {} goes to helpdesk {} ({})", event.conversationId(), helpdesk,
                rule == null ? "default" : "rule " + rule.name());
        return conversations.findState(event.conversationId()).map(Conversation::helpdesk).orElse(helpdesk);
    }
}

package io.bluebird.reply;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.bluebird.conversation.Conversations;
import io.bluebird.model.Conversation;
import io.bluebird.model.Direction;
import io.bluebird.model.HelpdeskEvent;
import io.bluebird.model.OutboundMessage;
import io.bluebird.model.OutboundPurpose;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * Where an agent's answer goes: a DM when the agent asked for private or the customer already wrote in private
 * (never a private answer posted in public); otherwise a public reply to the customer's latest public post.
 */
@Component("agentReplies")
public class AgentReplies {

    private final Conversations conversations;
    private final Clock clock;

    public AgentReplies(Conversations conversations, Clock clock) {
        this.conversations = conversations;
        this.clock = clock;
    }

    public OutboundMessage reply(HelpdeskEvent event) {
        Conversation conversation = conversations.get(event.conversationId());
        List<SocialMessage> fromCustomer = conversation.messages().stream()
                .filter(m -> m.direction() == Direction.IN).toList();
        boolean isPrivate = event.visibility() == Visibility.PRIVATE
                || fromCustomer.stream().anyMatch(m -> m.visibility() == Visibility.PRIVATE);
        String inReplyTo = isPrivate ? null : fromCustomer.stream()
                .filter(m -> m.visibility() == Visibility.PUBLIC).reduce((first, second) -> second)
                .map(SocialMessage::nativeId).orElse(null);
        return new OutboundMessage(UUID.randomUUID().toString(), conversation.id(), conversation.channel(),
                conversation.account(), inReplyTo == null ? Visibility.PRIVATE : Visibility.PUBLIC,
                conversation.customer().id(), inReplyTo, event.text(), List.of(), OutboundPurpose.AGENT_REPLY,
                clock.instant());
    }
}

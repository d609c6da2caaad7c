package io.bluebird.channel.messenger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.bluebird.model.OutboundPurpose;

/**
 * Meta's rule for a business writing to a person: within 24 hours of the person's last message, a standard reply;
 * after that, only a reply written by a person, tagged HUMAN_AGENT, up to 7 days, and only where the page has that
 * permission (bluebird.messenger.human-agent-tag). Nothing automated (first replies, surveys) ever uses the tag.
 */
record MessagingWindow(Duration standard, Duration humanAgent, boolean humanAgentAllowed) {

    /** How a send goes out, or why it may not. */
    sealed interface Verdict permits Send, Refuse {
    }

    record Send(boolean humanAgentTag) implements Verdict {
    }

    record Refuse(String reason) implements Verdict {
    }

    Verdict judge(Optional<Instant> customersLastMessage, OutboundPurpose purpose, Instant now) {
        if (customersLastMessage.isEmpty()) {
            return new Refuse("the customer has never written to the page, so it may not write to them");
        }
        Instant last = customersLastMessage.get();
        if (now.isBefore(last.plus(standard))) {
            return new Send(false);
        }
        String closed = "the " + standard.toHours() + "-hour messaging window closed at " + last.plus(standard);
        if (purpose != OutboundPurpose.AGENT_REPLY) {
            return new Refuse(closed + " (an automated message may not be sent after it)");
        }
        if (!humanAgentAllowed) {
            return new Refuse(closed + " and the HUMAN_AGENT tag is not enabled"
                    + " (bluebird.messenger.human-agent-tag, with Meta's Human Agent permission)");
        }
        if (now.isBefore(last.plus(humanAgent))) {
            return new Send(true);
        }
        return new Refuse(closed + " and the " + humanAgent.toDays() + "-day HUMAN_AGENT window at "
                + last.plus(humanAgent));
    }
}

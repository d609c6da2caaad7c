package io.bluebird.conversation;

import io.bluebird.model.SocialMessage;

/**
 * A stored message whose ticket event its helpdesk does not have yet: {@code joinedInto} the event whose call
 * carries it, if one does; {@code surveyAnswer} whether it answers the conversation's survey (or comments on it),
 * which goes to the ticket as a survey result.
 */
public record WaitingMessage(String eventId, SocialMessage message, String joinedInto, boolean surveyAnswer) {
}

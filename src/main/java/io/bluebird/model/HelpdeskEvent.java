package io.bluebird.model;

/**
 * What a helpdesk tells the hub, on {@code POST /api/helpdesk-events} or the JMS queue
 * {@code bluebird.helpdesk.events}. Either {@code conversationId} or ({@code helpdesk}, {@code helpdeskTicketId})
 * names the conversation.
 */
public record HelpdeskEvent(
        HelpdeskEventType type,
        String conversationId,
        String helpdesk,
        String helpdeskTicketId,
        String text,
        Visibility visibility) {

    public HelpdeskEvent {
        // as every database can compare them (Nul): an unknown ticket is then refused, not retried until dead-lettered
        conversationId = Nul.replaced(conversationId);
        helpdesk = Nul.replaced(helpdesk);
        helpdeskTicketId = Nul.replaced(helpdeskTicketId);
        text = Nul.replaced(text);
    }

    public HelpdeskEvent withConversationId(String id) {
        return new HelpdeskEvent(type, id, helpdesk, helpdeskTicketId, text, visibility);
    }
}

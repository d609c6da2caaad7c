package io.bluebird.conversation;

import java.util.List;

/** A conversation's ticket on its helpdesk, and the tags the hub put on it (none known for older tickets). */
public record HelpdeskTicket(String id, List<String> tags) {
    public HelpdeskTicket {
        tags = List.copyOf(tags);
    }
}

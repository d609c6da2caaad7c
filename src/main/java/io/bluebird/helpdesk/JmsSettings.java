package io.bluebird.helpdesk;

import java.util.Optional;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A helpdesk that consumes the ticket events as JSON from a JMS queue ({@code type: jms}).
 *
 * @param queue The queue the events are put on.
 * @param consumers Conversations delivered at once.
 */
public record JmsSettings(
        @DefaultValue("bluebird.helpdesk.tickets") String queue,
        @DefaultValue("4") int consumers) implements HelpdeskSettings {

    public static final String TYPE = "jms";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<String> missing(String key) {
        return Optional.empty();
    }
}

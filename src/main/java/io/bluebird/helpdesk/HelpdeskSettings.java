package io.bluebird.helpdesk;

import java.util.Map;
import java.util.Optional;

/**
 * One helpdesk under {@code bluebird.helpdesks.<name>}, bound by its {@code type} to that type's own record
 * ({@link #of}): {@link ZendeskSettings}, {@link FreshdeskSettings}, {@link RtSettings}, {@link WebhookSettings},
 * {@link JmsSettings}, or {@link TemplateSettings} for the integrator's own {@code <type>-delivery} route template.
 * Each record names its keys, their defaults, and what it needs before the hub can deliver to it.
 */
public interface HelpdeskSettings {

    /** {@code bluebird.helpdesks.<name>.type}. */
    String type();

    /** The delivery route's concurrent consumers: conversations delivered at once (default 4). */
    int consumers();

    /**
     * What the helpdesk lacks before the hub can deliver to it, as one line naming its keys ({@code key} is
     * {@code bluebird.helpdesks.<name>.}); empty when it has what it needs.
     */
    Optional<String> missing(String key);

    /** Facts of {@link TicketFacts} mapped to the helpdesk's own fields; none for a type without fields. */
    default Map<String, String> customFields() {
        return Map.of();
    }

    /** Calls a minute the helpdesk takes, spent evenly; 0: no limit known until its answers give one. */
    default int requestsPerMinute() {
        return 0;
    }

    /** Of those, the calls that update a ticket; 0: no limit of their own. */
    default int updatesPerMinute() {
        return 0;
    }

    /** Of those, the calls that create a ticket; 0: no limit of their own. */
    default int createsPerMinute() {
        return 0;
    }

    /** The record that {@code bluebird.helpdesks.<name>} of this type binds to. */
    static Class<? extends HelpdeskSettings> of(String type) {
        return switch (type == null ? "" : type) {
            case ZendeskSettings.TYPE -> ZendeskSettings.class;
            case FreshdeskSettings.TYPE -> FreshdeskSettings.class;
            case RtSettings.TYPE -> RtSettings.class;
            case WebhookSettings.TYPE -> WebhookSettings.class;
            case JmsSettings.TYPE -> JmsSettings.class;
            default -> TemplateSettings.class;
        };
    }
}

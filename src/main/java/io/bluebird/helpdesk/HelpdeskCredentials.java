package io.bluebird.helpdesk;

import static org.springframework.util.StringUtils.hasText;

import java.util.Optional;

/**
 * What a helpdesk of each type needs before the hub can deliver to it: without it every event would fail on its way
 * to the dead-letter queue, so a helpdesk the routing can send to is checked at start-up instead. Types of the
 * integrator's own route templates ({@code <type>-delivery} in routes/) need nothing here.
 */
final class HelpdeskCredentials {

    private HelpdeskCredentials() {
    }

    /** What the helpdesk {@code name} lacks, as one line naming its keys; empty when it has what it needs. */
    static Optional<String> missing(String name, HelpdeskSettings settings) {
        String key = "bluebird.helpdesks." + name + ".";
        if (settings.type() == null || settings.type().isBlank()) {
            return Optional.of(key + "type is empty: zendesk, freshdesk, rt, webhook, jms, or a <type>-delivery"
                    + " route template of routes/");
        }
        boolean needsBaseUrl = switch (settings.type()) {
            case "zendesk", "freshdesk", "rt", "webhook" -> true;
            default -> false;
        };
        if (needsBaseUrl && !hasText(settings.baseUrl())) {
            return Optional.of(key + "base-url is empty");
        }
        return switch (settings.type()) {
            case "zendesk" -> hasText(settings.clientId()) && hasText(settings.clientSecret())
                    || hasText(settings.email()) && hasText(settings.apiToken()) ? Optional.empty()
                    : Optional.of(key + "client-id and " + key + "client-secret are empty (an OAuth client of Admin"
                    + " Center; or, until API tokens end on 2027-04-30, email and api-token)");
            case "freshdesk" -> hasText(settings.apiKey()) ? Optional.empty() : Optional.of(key + "api-key is empty");
            case "rt" -> hasText(settings.token()) || hasText(settings.username()) && hasText(settings.password())
                    ? Optional.empty() : Optional.of(key + "token is empty (or username and password)");
            case "webhook" -> hasText(settings.secret()) ? Optional.empty()
                    : Optional.of(key + "secret is empty: receivers must be able to check what they get");
            default -> Optional.empty();
        };
    }
}

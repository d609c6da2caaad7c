package io.bluebird.helpdesk;

import static org.springframework.util.StringUtils.hasText;

import java.util.Optional;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A helpdesk delivered by the integrator's own route template {@code <type>-delivery} in routes/, which reads its
 * other keys itself ({@code {{bluebird.helpdesks.<name>.…}}}).
 *
 * @param type The route template's name without -delivery.
 * @param consumers Conversations delivered at once.
 */
public record TemplateSettings(String type, @DefaultValue("4") int consumers) implements HelpdeskSettings {

    @Override
    public Optional<String> missing(String key) {
        return hasText(type) ? Optional.empty() : Optional.of(key + "type is empty: zendesk, freshdesk, rt, webhook,"
                + " jms, or a <type>-delivery route template of routes/");
    }
}

package io.bluebird.helpdesk;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The configured helpdesks by name, and which one gets the conversations no rule sends elsewhere. */
@ConfigurationProperties("bluebird")
public record HelpdeskConfig(Map<String, HelpdeskSettings> helpdesks, Routing routing) {

    public HelpdeskConfig {
        helpdesks = helpdesks == null ? Map.of() : Map.copyOf(helpdesks);
        routing = routing == null ? new Routing(null) : routing;
        if (!helpdesks.containsKey(routing.defaultHelpdesk())) {
            throw new IllegalStateException("bluebird.routing.default-helpdesk is '" + routing.defaultHelpdesk()
                    + "' but bluebird.helpdesks has only " + helpdesks.keySet());
        }
    }

    public HelpdeskSettings helpdesk(String name) {
        HelpdeskSettings settings = helpdesks.get(name);
        if (settings == null) {
            throw new IllegalArgumentException("no helpdesk '" + name + "' under bluebird.helpdesks");
        }
        return settings;
    }

    public record Routing(String defaultHelpdesk) {
        public Routing {
            defaultHelpdesk = defaultHelpdesk == null ? "jms" : defaultHelpdesk;
        }
    }
}

package io.bluebird.helpdesk;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured helpdesks by name, and which one gets each conversation.
 *
 * @param helpdesks The helpdesks by name, each with its type (zendesk, freshdesk, rt, webhook, jms) and that type's
 *     keys: base-url, credentials, timeout, consumers, requests-per-minute, custom fields (see the README's Helpdesks).
 * @param routing Which helpdesk gets each conversation.
 */
@ConfigurationProperties("bluebird")
public record HelpdeskConfig(Map<String, HelpdeskSettings> helpdesks, Routing routing) {

    public HelpdeskConfig {
        helpdesks = helpdesks == null ? Map.of() : Map.copyOf(helpdesks);
        routing = routing == null ? new Routing(null, null) : routing;
        if (!helpdesks.containsKey(routing.defaultHelpdesk())) {
            throw new IllegalStateException("bluebird.routing.default-helpdesk is '" + routing.defaultHelpdesk()
                    + "' but bluebird.helpdesks has only " + helpdesks.keySet());
        }
        for (RoutingRules.Rule rule : routing.rules()) {
            if (!helpdesks.containsKey(rule.helpdesk())) {
                throw new IllegalStateException("bluebird.routing.rules '" + rule.name() + "' sends to '"
                        + rule.helpdesk() + "' but bluebird.helpdesks has only " + helpdesks.keySet());
            }
        }
        // a helpdesk no conversation can reach may lack them (the shipped zendesk, before it is set up)
        for (String routed : routedTo(routing)) {
            HelpdeskCredentials.missing(routed, helpdesks.get(routed)).ifPresent(missing -> {
                throw new IllegalStateException(missing + ", and bluebird.routing sends conversations to " + routed);
            });
        }
        helpdesks.forEach((name, settings) -> {
            if (settings.customFields() == null) {
                return;
            }
            for (String fact : settings.customFields().keySet()) {
                if (!TicketFacts.NAMES.contains(fact)) {
                    throw new IllegalStateException("bluebird.helpdesks." + name + ".custom-fields has '" + fact
                            + "': the facts are " + TicketFacts.NAMES);
                }
            }
        });
    }

    private static Set<String> routedTo(Routing routing) {
        Set<String> routed = new LinkedHashSet<>(List.of(routing.defaultHelpdesk()));
        routing.rules().forEach(rule -> routed.add(rule.helpdesk()));
        return routed;
    }

    public HelpdeskSettings helpdesk(String name) {
        HelpdeskSettings settings = helpdesks.get(name);
        if (settings == null) {
            throw new IllegalArgumentException("no helpdesk '" + name + "' under bluebird.helpdesks");
        }
        return settings;
    }

    /**
     * The default helpdesk, and the rules that send some conversations elsewhere.
     *
     * @param defaultHelpdesk The helpdesk (a name under bluebird.helpdesks) that gets every conversation no rule sends
     *     elsewhere (default jms).
     * @param rules The first rule whose conditions (channel, visibility, priority, crm-vip, crm-tier, choice) all hold
     *     chooses the helpdesk of a new conversation.
     */
    public record Routing(String defaultHelpdesk, List<RoutingRules.Rule> rules) {
        public Routing {
            defaultHelpdesk = defaultHelpdesk == null ? "jms" : defaultHelpdesk;
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }
}

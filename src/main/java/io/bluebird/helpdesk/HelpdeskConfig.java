package io.bluebird.helpdesk;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The configured helpdesks by name, each bound to its type's settings ({@link HelpdeskSettings#of}), and which one
 * gets each conversation. Checked as it is made: a broken configuration stops the start with a line naming its key.
 */
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
            helpdesks.get(routed).missing("bluebird.helpdesks." + routed + ".").ifPresent(missing -> {
                throw new IllegalStateException(missing + ", and bluebird.routing sends conversations to " + routed);
            });
        }
        helpdesks.forEach((name, settings) -> {
            for (String fact : settings.customFields().keySet()) {
                if (!TicketFacts.NAMES.contains(fact)) {
                    throw new IllegalStateException("bluebird.helpdesks." + name + ".custom-fields has '" + fact
                            + "': the facts are " + TicketFacts.NAMES);
                }
            }
        });
    }

    /** {@code bluebird.helpdesks.<name>}, each as the record of its {@code type}, and {@code bluebird.routing}. */
    public static HelpdeskConfig from(Binder binder) {
        Map<String, HelpdeskSettings> helpdesks = new LinkedHashMap<>();
        for (String name : binder.bind("bluebird.helpdesks", Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of()).keySet()) {
            String key = "bluebird.helpdesks." + name;
            String type = binder.bind(key + ".type", String.class).orElse(null);
            helpdesks.put(name, binder.bindOrCreate(key, HelpdeskSettings.of(type)));
        }
        return new HelpdeskConfig(helpdesks, binder.bindOrCreate("bluebird.routing", Routing.class));
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

    /** The helpdesk's settings as its type's record, for that type's adapter. */
    public <T extends HelpdeskSettings> T helpdesk(String name, Class<T> type) {
        HelpdeskSettings settings = helpdesk(name);
        if (!type.isInstance(settings)) {
            throw new IllegalArgumentException("helpdesk '" + name + "' is of type " + settings.type() + ", not "
                    + type.getSimpleName());
        }
        return type.cast(settings);
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

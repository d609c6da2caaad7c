package io.bluebird.helpdesk;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * One delivery route per configured helpdesk, from the route template {@code ticket-delivery} for the HTTP helpdesks
 * with a {@link TicketApi} and {@code <type>-delivery} for the others (webhook, jms), in routes/: each
 * helpdesk has its own queue and consumer, so a slow or broken one never holds up the others.
 */
@Component
public class DeliveryRoutes implements CamelContextConfiguration, ApplicationRunner {

    private static final String ROUTE_PREFIX = "deliver-";

    private static final Logger log = LoggerFactory.getLogger(DeliveryRoutes.class);

    private final HelpdeskConfig config;
    private final HelpdeskTickets tickets;
    private final List<String> unknownTypes = new CopyOnWriteArrayList<>();

    public DeliveryRoutes(HelpdeskConfig config, HelpdeskTickets tickets) {
        this.config = config;
        this.tickets = tickets;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // the templates are read from routes/ while the context starts
    }

    /** Stops the start-up, once Camel has started, when a helpdesk's type has no route template. */
    @Override
    public void run(ApplicationArguments arguments) {
        if (!unknownTypes.isEmpty()) {
            throw new IllegalStateException(String.join("; ", unknownTypes));
        }
    }

    /** The delivery route of a helpdesk: deliver-<name>. */
    static String routeId(String helpdesk) {
        return ROUTE_PREFIX + helpdesk;
    }

    /** The helpdesk a delivery route delivers to. */
    static String helpdeskOf(String routeId) {
        return routeId.substring(ROUTE_PREFIX.length());
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (Map.Entry<String, HelpdeskSettings> helpdesk : config.helpdesks().entrySet()) {
            HelpdeskSettings settings = helpdesk.getValue();
            String type = settings.type();
            boolean http = tickets.delivers(type);
            String template = http ? "ticket-delivery" : type + "-delivery";
            RouteTemplateDefinition definition = camelContext.getCamelContextExtension()
                    .getContextPlugin(Model.class).getRouteTemplateDefinition(template);
            if (definition == null) {
                // Camel ignores what this method throws: the start-up is stopped below
                unknownTypes.add("bluebird.helpdesks." + helpdesk.getKey() + ".type is '" + type
                        + "': no route template " + template + " in routes/");
                continue;
            }
            TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camelContext, template)
                    .routeId(routeId(helpdesk.getKey()))
                    .parameter("helpdesk", helpdesk.getKey());
            if (http) {
                route.parameter("listeners", tickets.batches(type) ? "#deliveryBatches" : "#singleDeliveries");
            }
            // the typed settings as the template's parameters, for a template that has them (the integrator's may not)
            if (declares(definition, "consumers")) {
                route.parameter("consumers", settings.consumers());
            }
            if (settings instanceof JmsSettings jms) {
                route.parameter("queue", jms.queue());
            }
            String routeId = route.add();
            log.info("Helpdesk '{}' ({}) delivers from queue bluebird.tickets.{} (route {})", helpdesk.getKey(),
                    type, helpdesk.getKey(), routeId);
        }
    }

    private static boolean declares(RouteTemplateDefinition template, String parameter) {
        return template.getTemplateParameters() != null && template.getTemplateParameters().stream()
                .anyMatch(declared -> parameter.equals(declared.getName()));
    }
}

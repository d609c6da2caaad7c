package io.bluebird.helpdesk;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.bluebird.conversation.HelpdeskTicket;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.TicketEventType;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Delivers a ticket event to an HTTP helpdesk, the same way for each ({@link TicketApi}): the conversation's first
 * event finds or creates its ticket, later ones update it (the message, a reopen, a raised priority, and the tags the
 * ticket does not have yet), a survey result goes on the ticket with its score's tag. A call first waits for the
 * helpdesk's budget ({@link HelpdeskBudgets}), then carries with its message those of the conversation that waited
 * behind it ({@link TicketDeliveries#joining}), up to {@code bluebird.delivery.join-limit}; the events of those come
 * off the queue later and bring only what else they change. Each event is recorded delivered once the helpdesk has
 * it, so a redelivered event is skipped (routes/deliver-ticket.yaml); an event tried again after an answer that never
 * came is not sent twice where the helpdesk can tell ({@link TicketApi#hasEvent}).
 */
@Component("helpdeskTickets")
public class HelpdeskTickets {

    private final HelpdeskConfig config;
    private final Map<String, TicketApi> apis;
    private final TicketDeliveries deliveries;
    private final HelpdeskBudgets budgets;
    private final HelpdeskCircuits circuits;
    private final HeldEvents held;
    private final DeliverySettings settings;
    private final MeterRegistry meters;

    public HelpdeskTickets(HelpdeskConfig config, List<TicketApi> apis, TicketDeliveries deliveries,
                           HelpdeskBudgets budgets, HelpdeskCircuits circuits, HeldEvents held,
                           DeliverySettings settings, MeterRegistry meters) {
        this.config = config;
        this.apis = apis.stream().collect(Collectors.toUnmodifiableMap(TicketApi::type, Function.identity()));
        this.deliveries = deliveries;
        this.budgets = budgets;
        this.circuits = circuits;
        this.held = held;
        this.settings = settings;
        this.meters = meters;
    }

    /** Whether a helpdesk of this type is one of the HTTP helpdesks delivered here. */
    public boolean delivers(String type) {
        return apis.containsKey(type);
    }

    /** Whether the helpdesk's events may be delivered in batches ({@link TicketApi#findsRepeatedUpdates}). */
    public boolean batches(String type) {
        return apis.get(type).findsRepeatedUpdates();
    }

    /**
     * {@code retried}: tried again after a failed call; {@code redelivered}: handed over again by the broker. Either
     * way the helpdesk may have the update already.
     */
    public void deliver(TicketEvent event, String helpdesk, Boolean retried, Boolean redelivered) {
        held.hold(helpdesk, event.eventId(), event.occurredAt());
        TicketApi api = apis.get(config.helpdesk(helpdesk).type());
        boolean again = Boolean.TRUE.equals(retried) || Boolean.TRUE.equals(redelivered);
        HelpdeskTicket ticket = deliveries.ticketOf(event.conversationId());
        if (event.type() == TicketEventType.SURVEY_COMPLETED) {
            if (ticket == null) {
                throw new HelpdeskRejected(helpdesk + ": survey result for conversation " + event.conversationId()
                        + ", which has no ticket");
            }
            if (!(again && api.hasEvent(helpdesk, ticket.id(), event))) {
                api.addSurveyResult(helpdesk, ticket.id(), event);
            }
            List<String> scoreTag = List.of(event.survey().tag());
            api.addTags(helpdesk, ticket.id(), scoreTag);
            deliveries.delivered(event, scoreTag);
        } else if (ticket != null && deliveries.wentWithAnother(event.eventId())) {
            update(api, helpdesk, ticket, TicketUpdate.withoutMessage(event, ticket.tags()), again);
        } else {
            awaitCall(helpdesk, ticket != null);
            List<SocialMessage> joined = deliveries.joining(event, settings.joinLimit(), again);
            messagesPerCall(helpdesk).record(1 + joined.size());
            if (ticket == null) {
                String found = api.existingTicket(helpdesk, event);
                deliveries.created(event, helpdesk, found != null ? found : api.create(helpdesk, event, joined));
            } else {
                update(api, helpdesk, ticket, TicketUpdate.of(event, joined, ticket.tags()), again);
            }
        }
        held.release();
    }

    private void update(TicketApi api, String helpdesk, HelpdeskTicket ticket, TicketUpdate update, boolean again) {
        if (update.changesTicket() && !(again && api.hasEvent(helpdesk, ticket.id(), update.event()))) {
            api.update(helpdesk, ticket.id(), update);
        }
        if (!update.newTags().isEmpty()) {
            api.addTags(helpdesk, ticket.id(), update.newTags());
        }
        deliveries.delivered(update.event(), update.newTags());
    }

    /**
     * Waits, before the call's messages are chosen, until the helpdesk would take it: its budget has a call, its
     * breaker is not open (during an outage the retries wait here, and what arrives meanwhile joins the first call
     * that goes).
     */
    private void awaitCall(String helpdesk, boolean update) {
        circuits.refuseWhileOpen(helpdesk);
        budgets.awaitRoom(helpdesk, update);
    }

    private DistributionSummary messagesPerCall(String helpdesk) {
        return DistributionSummary.builder("bluebird.helpdesk.messages.per.call").tag("helpdesk", helpdesk)
                .description("Messages one create or update of a ticket carried (more than 1: joined while waiting)")
                .register(meters);
    }
}

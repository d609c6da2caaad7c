package io.bluebird.crm;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.client.OutboundHttp;
import io.bluebird.conversation.Conversations;
import io.bluebird.model.CrmRecord;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.TicketTags;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts the customer's CRM record on a ticket event. The process route asks {@link #needsLookup} first: a fresh
 * snapshot (within {@code bluebird.crm.cache-ttl}) is used as it is ({@link #fromCache}); otherwise the route calls
 * {@link #lookup} inside a circuit breaker with a timeout, and {@link #unavailable} is the fallback, so a slow or
 * failing CRM never stalls or drops a message: the ticket goes on tagged {@value TicketTags#CRM_UNAVAILABLE}.
 */
@Component("crmEnrichment")
public class CrmEnrichment {

    private static final Logger log = LoggerFactory.getLogger(CrmEnrichment.class);

    private final CrmSettings settings;
    private final CustomerStore customers;
    private final Conversations conversations;
    private final Clock clock;
    private final HttpCrm http;
    private final JdbcCrm jdbc;

    public CrmEnrichment(CrmSettings settings, CustomerStore customers, Conversations conversations, Clock clock,
                         ObjectMapper json, OutboundHttp outbound) {
        this.settings = settings;
        this.customers = customers;
        this.conversations = conversations;
        this.clock = clock;
        this.http = "http".equals(settings.type()) ? new HttpCrm(settings, outbound) : null;
        this.jdbc = "jdbc".equals(settings.type()) ? new JdbcCrm(settings, json) : null;
        if (settings.enabled() && http == null && jdbc == null) {
            throw new IllegalStateException("bluebird.crm.type must be none, http or jdbc, not " + settings.type());
        }
    }

    /** Closes the CRM database's connections at shutdown, after the routes that look customers up have stopped. */
    @PreDestroy
    public void close() {
        if (jdbc != null) {
            jdbc.close();
        }
    }

    public boolean needsLookup(TicketEvent event) {
        return settings.enabled() && fresh(event).isEmpty();
    }

    public TicketEvent fromCache(TicketEvent event) {
        Optional<CustomerStore.Snapshot> snapshot = fresh(event);
        if (snapshot.isEmpty()) {
            return event;
        }
        return CustomerStore.UNAVAILABLE.equals(snapshot.get().status())
                ? event.withTags(List.of(TicketTags.CRM_UNAVAILABLE)) : withRecord(event, snapshot.get().record());
    }

    /** Asks the CRM; any failure is thrown for the circuit breaker to count and fall back on. */
    public TicketEvent lookup(TicketEvent event) {
        CrmRecord record = "http".equals(settings.type()) ? http.find(event.customer()) : jdbc.find(event.customer());
        customers.save(identity(event), event.customer(), record == null ? CustomerStore.UNKNOWN : CustomerStore.FOUND,
                record, clock.instant());
        return withRecord(event, record);
    }

    /** The circuit breaker's fallback: the CRM failed, timed out, or the breaker is open. */
    public TicketEvent unavailable(TicketEvent event) {
        log.warn("CRM unavailable for customer {} of conversation {}: the ticket goes on without its record",
                event.customer().id(), event.conversationId());
        if (!settings.reEnrich()) {
            customers.save(identity(event), event.customer(), CustomerStore.UNAVAILABLE, null, clock.instant());
        }
        return event.withTags(List.of(TicketTags.CRM_UNAVAILABLE));
    }

    private Optional<CustomerStore.Snapshot> fresh(TicketEvent event) {
        Instant oldest = clock.instant().minus(settings.cacheTtl());
        return customers.snapshot(identity(event))
                .filter(s -> s.fetchedAt() != null && s.fetchedAt().isAfter(oldest));
    }

    /** The record, and the tags agents sort by: vip, the tier, and the other channels the CRM ties them to. */
    private TicketEvent withRecord(TicketEvent event, CrmRecord record) {
        if (record == null) {
            return event;
        }
        List<String> tags = new ArrayList<>();
        if (Boolean.TRUE.equals(record.vip())) {
            tags.add("vip");
        }
        if (record.tier() != null && !record.tier().isBlank()) {
            tags.add("tier-" + record.tier().trim().toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        }
        CustomerStore.Identity self = identity(event);
        customers.linkedTo(record).stream()
                .filter(other -> !(other.channel().equals(self.channel()) && other.account().equals(self.account())))
                .filter(other -> conversations.hasOpen(other.channel(), other.account(), other.customerId()))
                .map(other -> "also-on-" + other.channel())
                .distinct()
                .forEach(tags::add);
        return event.withCustomer(event.customer().withCrm(record)).withTags(tags);
    }

    private static CustomerStore.Identity identity(TicketEvent event) {
        return new CustomerStore.Identity(event.customer().channel(), event.message().account(), event.customer().id(),
                event.customer().handle(), event.customer().name());
    }
}

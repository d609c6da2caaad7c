package io.bluebird.helpdesk.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import io.bluebird.helpdesk.HelpdeskConfig;
import io.bluebird.helpdesk.WebhookSettings;
import io.bluebird.helpdesk.HttpHelpdeskClient;
import io.bluebird.helpdesk.TicketDeliveries;
import io.bluebird.http.Hmac;
import org.springframework.stereotype.Component;

/**
 * Any system with an HTTP endpoint: the TicketEvent JSON (bluebird.ticket.v1) POSTed to {@code base-url}, signed
 * so the receiver can trust it ({@code X-Bluebird-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." +
 * body)>} with {@code X-Bluebird-Timestamp}), named ({@code X-Bluebird-Event}), and with an id that is the same on
 * every retry of one event ({@code X-Bluebird-Delivery}), so the receiver can drop repeats and refuse stale replays.
 * A 2xx is delivered; anything else is retried or dead-lettered like any helpdesk.
 */
@Component("webhookTickets")
public class WebhookTickets {

    private final HelpdeskConfig config;
    private final HttpHelpdeskClient http;
    private final TicketDeliveries deliveries;
    private final Clock clock;

    public WebhookTickets(HelpdeskConfig config, HttpHelpdeskClient http, TicketDeliveries deliveries, Clock clock) {
        this.config = config;
        this.http = http;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public void deliver(String event, String eventId, String type, String helpdesk) {
        WebhookSettings settings = config.helpdesk(helpdesk, WebhookSettings.class);
        if (settings.secret() == null || settings.secret().isBlank()) {
            throw new IllegalStateException("bluebird.helpdesks." + helpdesk + ".secret is required: receivers"
                    + " must be able to check what they get");
        }
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String signature = "sha256=" + Hmac.sha256Hex(settings.secret(),
                (timestamp + "." + event).getBytes(StandardCharsets.UTF_8));
        HttpHelpdeskClient.expectSuccess(http.send(helpdesk, "POST", URI.create(settings.baseUrl()),
                Map.of("X-Bluebird-Signature", signature, "X-Bluebird-Timestamp", timestamp,
                        "X-Bluebird-Event", type, "X-Bluebird-Delivery", eventId, "User-Agent", "Bluebird"),
                event, settings.timeout()));
        deliveries.delivered(eventId);
    }
}

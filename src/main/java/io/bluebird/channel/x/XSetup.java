package io.bluebird.channel.x;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.bluebird.http.RequestRejected;
import org.springframework.stereotype.Component;

/**
 * The X side of the set-up, idempotent, for {@code /api/admin/x/webhook}: the webhook registered for
 * {@code bluebird.x.webhook-url} ({@code POST /2/webhooks} unless listed), its CRC check run again
 * ({@code PUT /2/webhooks/{id}}), and one Activity API subscription per event type the hub takes for the brand
 * account ({@code POST /2/activity/subscriptions} unless there is one).
 */
@Component("xSetup")
public class XSetup {

    static final List<String> EVENT_TYPES = List.of("post.mention.create", "post.reply.create", "post.quote.create",
            "dm.received", "dm.sent");

    private final XSettings settings;
    private final XApi api;

    public XSetup(XSettings settings, XApi api) {
        this.settings = settings;
        this.api = api;
    }

    /** What X has now: the webhooks of the app and the brand account's subscriptions. */
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("webhooks", api.call("GET", "/2/webhooks", null, XApi.As.APP).body().path("data"));
        state.put("subscriptions", subscriptions());
        return state;
    }

    public Map<String, Object> ensure() {
        if (!XSettings.isSet(settings.webhookUrl()) || !XSettings.isSet(settings.accountId())) {
            throw RequestRejected.badRequest(null, "set bluebird.x.webhook-url (the public URL of /webhooks/x)"
                    + " and bluebird.x.account-id first");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        String webhookId = null;
        for (JsonNode webhook : api.call("GET", "/2/webhooks", null, XApi.As.APP).body().path("data")) {
            if (settings.webhookUrl().equals(webhook.path("url").asText())) {
                webhookId = webhook.path("id").asText();
            }
        }
        result.put("webhookCreated", webhookId == null);
        if (webhookId == null) {
            webhookId = api.call("POST", "/2/webhooks", Map.of("url", settings.webhookUrl()), XApi.As.APP).body()
                    .path("data").path("id").asText();
        }
        result.put("webhookId", webhookId);
        result.put("crcValid", api.call("PUT", "/2/webhooks/" + webhookId, null, XApi.As.APP).body()
                .path("data").path("valid").asBoolean(false));
        List<String> existing = new ArrayList<>();
        for (JsonNode subscription : subscriptions()) {
            if (settings.accountId().equals(subscription.path("filter").path("user_id").asText())
                    && webhookId.equals(subscription.path("webhook_id").asText(webhookId))) {
                existing.add(subscription.path("event_type").asText());
            }
        }
        List<Map<String, Object>> subscriptions = new ArrayList<>();
        for (String type : EVENT_TYPES) {
            boolean create = !existing.contains(type);
            if (create) {
                api.call("POST", "/2/activity/subscriptions", Map.of("event_type", type, "filter",
                        Map.of("user_id", settings.accountId()), "tag", "bluebird", "webhook_id", webhookId),
                        XApi.As.BRAND);
            }
            Map<String, Object> subscription = new LinkedHashMap<>();
            subscription.put("eventType", type);
            subscription.put("created", create);
            subscriptions.add(subscription);
        }
        result.put("subscriptions", subscriptions);
        return result;
    }

    private JsonNode subscriptions() {
        return api.call("GET", "/2/activity/subscriptions", null, XApi.As.BRAND).body().path("data");
    }
}

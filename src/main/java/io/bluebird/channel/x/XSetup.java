package io.bluebird.channel.x;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.bluebird.channel.ChannelRefused;
import io.bluebird.channel.ChannelUnavailable;
import io.bluebird.http.RequestRejected;
import org.springframework.stereotype.Component;

/**
 * The X side of the set-up, idempotent, for {@code /api/admin/x/webhook}: the webhook registered for
 * {@code bluebird.x.webhook-url} ({@code POST /2/webhooks} unless listed), its CRC check run again
 * ({@code PUT /2/webhooks/{id}}, which answers only whether X attempted it: the webhook's {@code valid} is read back
 * from the listing), and one Activity API subscription per event type the hub takes for the brand account
 * ({@code POST /2/activity/subscriptions} as the brand, since DM events are private, unless there is one). X may
 * refuse an event type the app's plan does not offer: that type is reported with X's reason and the others are still
 * created. Webhooks and the subscription listing use the app's bearer token, as X documents them. When X cannot be
 * reached or refuses the call as a whole, the admin gets 502 with X's reason.
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

    /** What X has now: the webhooks of the app and its subscriptions. */
    public Map<String, Object> state() {
        return fromX(() -> {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("webhooks", webhooks());
            state.put("subscriptions", subscriptions());
            return state;
        });
    }

    public Map<String, Object> ensure() {
        if (!XSettings.isSet(settings.webhookUrl()) || !XSettings.isSet(settings.accountId())) {
            throw RequestRejected.badRequest(null, "set bluebird.x.webhook-url (the public URL of /webhooks/x)"
                    + " and bluebird.x.account-id first");
        }
        return fromX(this::ensureOnX);
    }

    private Map<String, Object> ensureOnX() {
        Map<String, Object> result = new LinkedHashMap<>();
        String webhookId = listed("url", settings.webhookUrl()).path("id").asText(null);
        result.put("webhookCreated", webhookId == null);
        if (webhookId == null) {
            webhookId = api.call("POST", "/2/webhooks", Map.of("url", settings.webhookUrl()), XApi.As.APP).body()
                    .path("data").path("id").asText();
        }
        result.put("webhookId", webhookId);
        result.put("crcAttempted", api.call("PUT", "/2/webhooks/" + webhookId, null, XApi.As.APP).body()
                .path("data").path("attempted").asBoolean(false));
        result.put("valid", listed("id", webhookId).path("valid").asBoolean(false));
        List<String> existing = new ArrayList<>();
        for (JsonNode subscription : subscriptions()) {
            if (settings.accountId().equals(subscription.path("filter").path("user_id").asText())
                    && webhookId.equals(subscription.path("webhook_id").asText(webhookId))) {
                existing.add(subscription.path("event_type").asText());
            }
        }
        List<Map<String, Object>> subscriptions = new ArrayList<>();
        for (String type : EVENT_TYPES) {
            Map<String, Object> subscription = new LinkedHashMap<>();
            subscription.put("eventType", type);
            subscription.put("created", false);
            if (!existing.contains(type)) {
                try {
                    api.call("POST", "/2/activity/subscriptions", Map.of("event_type", type, "filter",
                            Map.of("user_id", settings.accountId()), "tag", "bluebird", "webhook_id", webhookId),
                            XApi.As.BRAND);
                    subscription.put("created", true);
                } catch (ChannelRefused refused) {
                    subscription.put("refused", refused.getMessage());
                }
            }
            subscriptions.add(subscription);
        }
        result.put("subscriptions", subscriptions);
        return result;
    }

    /** The webhook X lists with {@code value} in {@code field}, or a missing node. */
    private JsonNode listed(String field, String value) {
        for (JsonNode webhook : webhooks()) {
            if (value.equals(webhook.path(field).asText())) {
                return webhook;
            }
        }
        return MissingNode.getInstance();
    }

    private JsonNode webhooks() {
        return api.call("GET", "/2/webhooks", null, XApi.As.APP).body().path("data");
    }

    /** Every page of the app's subscriptions. */
    private List<JsonNode> subscriptions() {
        List<JsonNode> all = new ArrayList<>();
        String page = null;
        do {
            JsonNode body = api.call("GET", "/2/activity/subscriptions?max_results=100"
                    + (page == null ? "" : "&pagination_token=" + page), null, XApi.As.APP).body();
            body.path("data").forEach(all::add);
            page = body.path("meta").path("next_token").asText(null);
        } while (page != null);
        return all;
    }

    private static <T> T fromX(Supplier<T> call) {
        try {
            return call.get();
        } catch (ChannelRefused | ChannelUnavailable | XAuthorizationRevoked e) {
            throw new RequestRejected(502, e.getMessage());
        }
    }
}

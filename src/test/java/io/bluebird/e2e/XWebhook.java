package io.bluebird.e2e;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.bluebird.HubClient;
import io.bluebird.http.Hmac;

/** Signed X Activity API deliveries of {@code dm.received} events to the hub's {@code POST /webhooks/x}. */
record XWebhook(HubClient client, String consumerSecret, String brandAccount) {

    /** One DM: its id, who sent it (their X user id and handle) and its text. */
    record Dm(String id, String senderId, String handle, String text) {
    }

    /** One delivery of these DMs, in order. */
    HttpResponse<String> dmReceived(List<Dm> dms) {
        List<String> events = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (Dm dm : dms) {
            events.add("""
                    {"type": "message_create", "id": "%s", "created_timestamp": "%d",
                     "message_create": {"sender_id": "%s", "target": {"recipient_id": "%s"},
                                        "message_data": {"text": "%s"}}}""".formatted(dm.id(),
                    Instant.now().toEpochMilli(), dm.senderId(), brandAccount, dm.text()));
            users.add("\"%s\": {\"data\": {\"id\": \"%s\", \"username\": \"%s\", \"name\": \"Customer\"}}"
                    .formatted(dm.senderId(), dm.senderId(), dm.handle()));
        }
        String body = """
                {"data": {"event_uuid": "%s", "filter": {"user_id": "%s"}, "event_type": "dm.received",
                          "tag": "bluebird", "payload": {"direct_message_events": [%s], "users": {%s}}}}"""
                .formatted(UUID.randomUUID(), brandAccount, String.join(", ", events), String.join(", ", users));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return client.send(client.request("/webhooks/x").header("Content-Type", "application/json")
                .header("x-twitter-webhooks-signature", "sha256=" + Hmac.sha256Base64(consumerSecret, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }
}

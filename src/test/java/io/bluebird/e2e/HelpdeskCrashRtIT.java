package io.bluebird.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.bluebird.HubClient;
import io.bluebird.RequestTracker;
import org.junit.jupiter.api.Test;

/**
 * The packaged hub killed (SIGKILL) right after a real Request Tracker created the ticket and before the hub heard
 * of it: after the restart the broker hands the event over again, and the adapter finds the ticket by its custom
 * field instead of making another. Stand-in helpdesks: {@link HelpdeskCrashIT}.
 */
class HelpdeskCrashRtIT {

    @Test
    void requestTrackerGetsOneTicketThoughTheHubDiedAfterItsCreate() throws Exception {
        RequestTracker rt = new RequestTracker();
        try (HoldingProxy proxy = new HoldingProxy(RequestTracker.url(), "POST", "/REST/2.0/ticket");
             RunningHub hub = new RunningHub("rt-crash", Map.of("BLUEBIRD_API_TOKEN", HubClient.TOKEN,
                     "SPRING_APPLICATION_JSON", """
                             {"bluebird": {"routing": {"default-helpdesk": "rt"}, "helpdesks": {"rt": {"type": "rt",
                              "base-url": "%s", "username": "%s", "password": "%s",
                              "conversation-field": "Bluebird Conversation"}}}}"""
                             .formatted(proxy.url(), RequestTracker.USER, RequestTracker.PASSWORD))).start()) {
            String handle = "killed" + System.nanoTime();
            HubClient client = new HubClient(hub.port());
            client.postMessage(HubClient.dm(handle, "u-" + handle, handle, "Is anyone there?"));

            assertThat(proxy.awaitAnswered(60)).as("RT answered the create").isTrue();
            hub.kill();
            proxy.release();
            hub.start();

            await().atMost(Duration.ofSeconds(60)).until(() ->
                    client.conversationOf(handle).path("helpdeskTicketId").asText(null) != null);
            String ticket = client.conversationOf(handle).path("helpdeskTicketId").asText();
            assertThat(rt.ticketsRequestedBy("x-u-" + handle + "@users.bluebird.invalid")).containsExactly(ticket);
            assertThat(hub.starts()).isEqualTo(2);
        }
    }
}

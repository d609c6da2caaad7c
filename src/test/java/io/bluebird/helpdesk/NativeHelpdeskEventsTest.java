package io.bluebird.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bluebird.http.ApiSettings;
import io.bluebird.http.ApiToken;
import io.bluebird.http.Hmac;
import io.bluebird.http.RequestRejected;
import io.bluebird.model.HelpdeskEventType;
import org.junit.jupiter.api.Test;

class NativeHelpdeskEventsTest {

    static final HelpdeskSettings ZENDESK = new ZendeskSettings("https://z", "bluebird", "s3cret", null, null, null,
            null, "signing-secret", null, 200, 100, 4);
    static final HelpdeskSettings RT = new RtSettings("https://rt", null, null, null, null, null, null, null, null, 0,
            4);
    final NativeHelpdeskEvents events = new NativeHelpdeskEvents(new HelpdeskConfig(Map.of("zendesk", ZENDESK, "rt",
            RT), new HelpdeskConfig.Routing("zendesk", null)), new ApiToken(new ApiSettings("api-token", "")), new ObjectMapper());

    @Test
    void aCommentAndASolveInOneCallAreAReplyThenASolve() {
        byte[] body = "{\"ticket_id\": \"35\", \"comment\": \"Done!\", \"status\": \"Solved\"}"
                .getBytes(StandardCharsets.UTF_8);
        String signature = Hmac.sha256Base64("signing-secret", ("2026-11-24T10:00:00Z"
                + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));

        var read = events.read("zendesk", body, null, signature, "2026-11-24T10:00:00Z");

        assertThat(read).extracting(e -> e.type()).containsExactly(HelpdeskEventType.AGENT_REPLY,
                HelpdeskEventType.TICKET_SOLVED);
        assertThat(read.get(0).text()).isEqualTo("Done!");
        assertThat(read.get(0).helpdeskTicketId()).isEqualTo("35");
    }

    @Test
    void anOpenStatusWithoutACommentIsNothingAndAnRtScripUsesTheBearerToken() {
        byte[] body = "{\"ticket_id\": \"7\", \"comment\": \"\", \"status\": \"open\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(events.read("rt", body, "Bearer api-token", null, null)).isEmpty();
        assertThatThrownBy(() -> events.read("rt", body, "Bearer guess", null, null))
                .isInstanceOf(RequestRejected.class);
        assertThatThrownBy(() -> events.read("zendesk", body, null, "bm9wZQ==", "t"))
                .hasMessage("wrong X-Zendesk-Webhook-Signature");
    }

    /** Camel passes an empty body as null: a signed empty call is a 400 for the body, not a failure of the hub. */
    @Test
    void aSignedEmptyCallIsRefusedForItsBody() {
        String signature = Hmac.sha256Base64("signing-secret", "t".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> events.read("zendesk", null, null, signature, "t"))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.getStatus()).isEqualTo(400))
                .hasMessageStartingWith("the body is empty");
    }
}

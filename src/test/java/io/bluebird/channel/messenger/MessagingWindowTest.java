package io.bluebird.channel.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import io.bluebird.model.OutboundMessage;
import io.bluebird.model.OutboundPurpose;
import io.bluebird.model.QuickReply;
import io.bluebird.model.Visibility;
import org.junit.jupiter.api.Test;

class MessagingWindowTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final MessagingWindow WITH_TAG = new MessagingWindow(Duration.ofHours(24), Duration.ofDays(7), true);
    static final MessagingWindow WITHOUT_TAG = new MessagingWindow(Duration.ofHours(24), Duration.ofDays(7), false);

    @Test
    void insideTheWindowEverythingGoesOutAsAStandardReply() {
        Optional<Instant> anHourAgo = Optional.of(NOW.minus(Duration.ofHours(1)));
        assertThat(WITHOUT_TAG.judge(anHourAgo, OutboundPurpose.SURVEY, NOW)).isEqualTo(new MessagingWindow.Send(false));
        assertThat(WITH_TAG.judge(anHourAgo, OutboundPurpose.AGENT_REPLY, NOW))
                .isEqualTo(new MessagingWindow.Send(false));
    }

    @Test
    void justAfterTheWindowOnlyAnAgentsReplyGoesOutAndOnlyWithTheTag() {
        Optional<Instant> justOver = Optional.of(NOW.minus(Duration.ofHours(24)).minusSeconds(1));
        assertThat(WITH_TAG.judge(justOver, OutboundPurpose.AGENT_REPLY, NOW)).isEqualTo(new MessagingWindow.Send(true));
        assertThat(WITH_TAG.judge(justOver, OutboundPurpose.SURVEY, NOW))
                .isInstanceOfSatisfying(MessagingWindow.Refuse.class, refuse -> assertThat(refuse.reason())
                        .contains("24-hour messaging window closed").contains("automated"));
        assertThat(WITHOUT_TAG.judge(justOver, OutboundPurpose.AGENT_REPLY, NOW))
                .isInstanceOfSatisfying(MessagingWindow.Refuse.class, refuse -> assertThat(refuse.reason())
                        .contains("HUMAN_AGENT tag is not enabled"));
    }

    @Test
    void longAfterNothingGoesOut() {
        Optional<Instant> eightDays = Optional.of(NOW.minus(Duration.ofDays(8)));
        assertThat(WITH_TAG.judge(eightDays, OutboundPurpose.AGENT_REPLY, NOW))
                .isInstanceOfSatisfying(MessagingWindow.Refuse.class, refuse -> assertThat(refuse.reason())
                        .contains("7-day HUMAN_AGENT window"));
        assertThat(WITH_TAG.judge(Optional.empty(), OutboundPurpose.AGENT_REPLY, NOW))
                .isInstanceOf(MessagingWindow.Refuse.class);
    }

    @Test
    void quickRepliesAreCutToWhatMessengerTakes() {
        List<QuickReply> many = IntStream.range(0, 15)
                .mapToObj(i -> new QuickReply("A rather long title number " + i, "choice:" + i)).toList();
        OutboundMessage message = new OutboundMessage("o1", "c1", "messenger", "page", Visibility.PRIVATE, "psid",
                null, "Pick one", many, OutboundPurpose.ACKNOWLEDGEMENT, NOW);

        Map<String, Object> body = MessengerSends.request(message, false);

        @SuppressWarnings("unchecked")
        List<Map<String, String>> replies = (List<Map<String, String>>) ((Map<String, Object>) body.get("message"))
                .get("quick_replies");
        assertThat(replies).hasSize(13);
        assertThat(replies.get(0)).containsEntry("title", "A rather long title ").containsEntry("payload", "choice:0")
                .containsEntry("content_type", "text");
        assertThat(body).containsEntry("messaging_type", "RESPONSE").doesNotContainKey("tag");
        assertThat(MessengerSends.request(message, true)).containsEntry("messaging_type", "MESSAGE_TAG")
                .containsEntry("tag", "HUMAN_AGENT");
    }
}

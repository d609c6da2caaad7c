package io.bluebird.firstreply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.bluebird.conversation.TicketEvents;
import io.bluebird.model.Author;
import io.bluebird.model.SocialMessage;
import io.bluebird.model.TicketEvent;
import io.bluebird.model.Visibility;
import org.junit.jupiter.api.Test;

class FirstRepliesTest {

    private static final FirstReplySettings.Channel X = new FirstReplySettings.Channel(true,
            "Hi @{handle}, DM us: {dmLink}", "https://x.com/messages/compose?recipient_id={account}&text={prefill}",
            "Hi! About my post (ref {reference}): ", "Hi {name}", List.of());

    @Test
    void thePublicReplyCarriesTheDmLinkWithAnEncodedPrefillAndTheReference() {
        SocialMessage mention = new SocialMessage("x:public:9", "x", Visibility.PUBLIC, null, "9", "4337869213",
                new Author("38", "jdoe", "Jane Doe", 5L, false), null, "@brand help", null, null, List.of(),
                Instant.now());
        TicketEvent event = TicketEvents.of("1a2b3c4d-5e6f", null, List.of(mention), Instant.now());

        assertThat(FirstReplies.fill(X.publicReply(), X, event)).isEqualTo(
                "Hi @jdoe, DM us: https://x.com/messages/compose?recipient_id=4337869213"
                        + "&text=Hi%21%20About%20my%20post%20%28ref%201a2b3c4d%29%3A%20");
        assertThat(FirstReplies.fill(X.welcome(), X, event)).isEqualTo("Hi Jane Doe");
    }

    /** A customer's name and handle are data: never read again as placeholders once filled in. */
    @Test
    void aNameOrHandleThatLooksLikeAPlaceholderIsShownAsWritten() {
        SocialMessage mention = new SocialMessage("x:public:10", "x", Visibility.PUBLIC, null, "10", "4337869213",
                new Author("39", "{dmLink}", "{account} ${sys:user.home} $1 \\", 5L, false), null, "@brand help", null,
                null, List.of(), Instant.now());
        TicketEvent event = TicketEvents.of("1a2b3c4d-5e6f", null, List.of(mention), Instant.now());

        assertThat(FirstReplies.fill(X.welcome(), X, event)).isEqualTo("Hi {account} ${sys:user.home} $1 \\");
        assertThat(FirstReplies.fill(X.publicReply(), X, event)).startsWith("Hi @{dmLink}, DM us: https://x.com/");
    }
}

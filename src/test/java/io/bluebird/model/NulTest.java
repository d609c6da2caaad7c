package io.bluebird.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

class NulTest {

    @Test
    void aMessageCarriesNoNulIntoTheDatabaseHoweverItArrives() throws Exception {
        SocialMessage message = new ObjectMapper().registerModule(new JavaTimeModule()).readValue("""
                {"id": "generic:dm:1\\u0000", "channel": "generic", "visibility": "private", "nativeId": "1\\u0000",
                 "account": "brand", "author": {"id": "c\\u0000", "handle": "j\\u0000doe", "name": "Jane\\u0000"},
                 "text": "order\\u0000 lost", "quickReplyPayload": "choice:\\u0000",
                 "attachments": [{"type": "image", "url": "https://x.example/\\u0000"}],
                 "createdAt": "2026-11-22T10:00:00Z"}""", SocialMessage.class);

        assertThat(message.text()).isEqualTo("order\uFFFD lost");
        assertThat(message.author().name()).isEqualTo("Jane\uFFFD");
        assertThat(message.author().handle()).isEqualTo("j\uFFFDdoe");
        assertThat(message.author().id()).isEqualTo("c\uFFFD");
        assertThat(message.id()).isEqualTo(SocialMessage.idOf("generic", Visibility.PRIVATE, message.nativeId()));
        assertThat(message.quickReplyPayload()).isEqualTo("choice:\uFFFD");
        assertThat(message.attachments().get(0).url()).isEqualTo("https://x.example/\uFFFD");
    }

    @Test
    void theLengthStaysWhatTheDoorMeasured() {
        assertThat(Nul.replaced("a\u0000\u0000b")).hasSize(4).isEqualTo("a\uFFFD\uFFFDb");
        assertThat(Nul.replaced("plain")).isEqualTo("plain");
        assertThat(Nul.replaced(null)).isNull();
    }

    @Test
    void aHelpdeskEventNamesNoTicketWithANul() {
        HelpdeskEvent event = new HelpdeskEvent(HelpdeskEventType.AGENT_REPLY, null, "zendesk", "12\u0000", "hi\u0000",
                Visibility.PRIVATE);
        assertThat(event.helpdeskTicketId()).isEqualTo("12\uFFFD");
        assertThat(event.text()).isEqualTo("hi\uFFFD");
    }
}

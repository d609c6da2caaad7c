package io.bluebird.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anAnswerIsReadAsAnObjectOrAsNothing() {
        assertThat(JsonText.objectOrEmpty(json, "{\"id\": \"42\"}").path("id").asText()).isEqualTo("42");
        for (String nothing : new String[] {null, "", "  ", "<html>Bad gateway</html>", "[1, 2]", "\"text\"", "{"}) {
            assertThat(JsonText.objectOrEmpty(json, nothing).isObject()).as(String.valueOf(nothing)).isTrue();
            assertThat(JsonText.objectOrEmpty(json, nothing).isEmpty()).as(String.valueOf(nothing)).isTrue();
        }
    }

    @Test
    void aRecordIsWrittenAndWhatCannotBeIsTheHubsBug() {
        assertThat(JsonText.of(json, Map.of("text", "hi"))).isEqualTo("{\"text\":\"hi\"}");
        assertThatThrownBy(() -> JsonText.of(json, new Object())).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot write Object as JSON");
    }
}

package io.bluebird.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON of the hub's calls out (a channel's API, a helpdesk's): what it sends are its own records, so one that
 * cannot be written is a bug; what comes back may be anything, and only an object is ever read from it.
 */
public final class JsonText {

    private JsonText() {
    }

    public static String of(ObjectMapper json, Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The answer's object; an empty one when the answer is blank, not JSON, or JSON but no object. */
    public static JsonNode objectOrEmpty(ObjectMapper json, String text) {
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() ? node : json.createObjectNode();
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }
}

package io.bluebird.http;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A request body read as a JSON object, or a 400 that says what is wrong with it and where. */
public final class JsonRequests {

    private JsonRequests() {
    }

    public static JsonNode object(ObjectMapper json, byte[] body, String expected) {
        if (body == null || body.length == 0) {
            throw RequestRejected.badRequest(null, "the body is empty: expected " + expected);
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw RequestRejected.badRequest(null, "malformed JSON: " + e.getOriginalMessage() + at(e));
        } catch (IOException e) {
            throw RequestRejected.badRequest(null, "unreadable body: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw RequestRejected.badRequest(null, "expected " + expected);
        }
        return node;
    }

    /** Where in the body the parser stopped, for the error message. */
    public static String at(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}

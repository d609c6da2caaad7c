package io.bluebird.http;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A request body read as a JSON object or as a contract's record, or a 400 that says what is wrong with it and
 * where, in the contract's words: never a Java type or a parser setting.
 */
public final class JsonRequests {

    private JsonRequests() {
    }

    public static JsonNode object(ObjectMapper json, byte[] body, String expected) {
        requireBody(body, expected);
        JsonNode node;
        ObjectReader reader = strict(json.reader());
        try (JsonParser parser = reader.createParser(body)) {
            node = reader.readTree(parser);
            requireEnd(parser);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw RequestRejected.badRequest(null, "unreadable body: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw RequestRejected.badRequest(null, "expected " + expected);
        }
        return node;
    }

    /**
     * The body as a contract's record ({@code expected} says which, for the answer). Unknown fields are ignored; a
     * number is not taken for an enum, which Jackson would otherwise read as the constant at that index.
     */
    public static <T> T value(ObjectMapper json, byte[] body, Class<T> type, String expected) {
        requireBody(body, expected);
        T value;
        ObjectReader reader = strict(json.readerFor(type)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .with(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS));
        try (JsonParser parser = reader.createParser(body)) {
            value = reader.readValue(parser);
            requireEnd(parser);
        } catch (JsonMappingException e) {
            throw wrongValue(json, e, expected);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw RequestRejected.badRequest(null, "unreadable body: " + e.getMessage());
        }
        if (value == null) {
            throw RequestRejected.badRequest(null, "expected " + expected + ", got null");
        }
        return value;
    }

    /**
     * One JSON value, each field once: a body that says a field twice, or holds a second value after the first, means
     * one thing to the hub and maybe another to whoever reads it next (parsers disagree on which one counts).
     */
    private static ObjectReader strict(ObjectReader reader) {
        return reader.with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw RequestRejected.badRequest(null, "malformed JSON: a second value after the first"
                    + at(parser.currentTokenLocation()));
        }
    }

    private static void requireBody(byte[] body, String expected) {
        if (body == null || body.length == 0) {
            throw RequestRejected.badRequest(null, "the body is empty: expected " + expected);
        }
    }

    /** The parser's reason and where it stopped, without the name of the parser setting that sets a limit. */
    private static RequestRejected malformed(JsonProcessingException e) {
        return RequestRejected.badRequest(null, "malformed JSON: "
                + e.getOriginalMessage().replaceAll(", from `[^`]*`", "") + at(e));
    }

    private static RequestRejected wrongValue(ObjectMapper json, JsonMappingException e, String expected) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        if (field.isEmpty() || !(e instanceof MismatchedInputException mismatch)) {
            return RequestRejected.badRequest(field.isEmpty() ? null : field, "expected " + expected
                    + (field.isEmpty() ? "" : ": '" + field + "' cannot be read") + at(e));
        }
        String given = e instanceof InvalidFormatException invalid ? ", not " + shown(invalid.getValue()) : "";
        return RequestRejected.badRequest(field, "'" + field + "' must be " + kind(json, mismatch.getTargetType())
                + given + at(e));
    }

    /** What a field of this type is, as the contract says it. */
    private static String kind(ObjectMapper json, Class<?> type) {
        if (type == null) {
            return "of another type";
        } else if (type == String.class) {
            return "a string";
        } else if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        } else if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a whole number";
        } else if (type == Instant.class) {
            return "an ISO-8601 time such as \"2026-11-22T10:00:00Z\"";
        } else if (type.isEnum()) {
            String names = Arrays.stream(type.getEnumConstants()).map(json::valueToTree).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return names.contains(", ") ? "one of " + names : names;
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** A value the caller sent, quoted as JSON and cut short: an answer does not echo a whole body. */
    private static String shown(Object value) {
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 39) + "…" : text;
    }

    /** Where in the body the parser stopped, for the error message. */
    private static String at(JsonProcessingException e) {
        return at(e.getLocation());
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}

package io.bluebird.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Fields of a channel's JSON read at the door, so that what the hub acknowledges it can also store: a value it
 * could not use is a 400 naming the field ({@code path}, as it is written in the body), never a failure after
 * the answer.
 */
public final class JsonFields {

    /** The times the hub keeps: four-digit years, as ISO-8601 and the helpdesks' date-time fields have them. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private JsonFields() {
    }

    /**
     * A required id: a non-blank string (read as text, a null or an object would be "" and make every such message
     * one message, every such sender one customer) of at most {@code max} characters, what its column keeps.
     */
    public static String id(JsonNode value, String path, int max) {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw RequestRejected.badRequest(path, "'" + path + "' is required: a non-empty string");
        }
        return atMost(value.asText(), path, max);
    }

    /** An optional string of at most {@code max} characters: null when missing or null. */
    public static String text(JsonNode value, String path, int max) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw RequestRejected.badRequest(path, "'" + path + "' must be a string");
        }
        return atMost(value.asText(), path, max);
    }

    /** The value itself (null too), refused when it is longer than {@code max} characters. */
    public static String atMost(String value, String path, int max) {
        if (value != null && value.length() > max) {
            throw RequestRejected.badRequest(path, "'" + path + "' is longer than " + max + " characters");
        }
        return value;
    }

    /** A list of items: empty when missing or null, refused when it is not an array. */
    public static JsonNode array(JsonNode value, String path) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return MissingNode.getInstance();
        }
        if (!value.isArray()) {
            throw RequestRejected.badRequest(path, "'" + path + "' must be an array");
        }
        return value;
    }

    /** A time as milliseconds since the epoch, a number or a string of digits; {@code absent} when missing or null. */
    public static Instant epochMillis(JsonNode value, String path, Instant absent) {
        if (value == null || value.isNull()) {
            return absent;
        }
        boolean digits = value.isTextual() && value.asText().matches("[0-9]{1,18}");
        if (!(value.isIntegralNumber() && value.canConvertToLong()) && !digits) {
            throw RequestRejected.badRequest(path, "'" + path + "' must be a time in milliseconds since 1970");
        }
        return storable(Instant.ofEpochMilli(digits ? Long.parseLong(value.asText()) : value.asLong()), path);
    }

    /** An ISO-8601 time such as {@code 2026-11-22T10:00:00Z}; {@code absent} when missing or null. */
    public static Instant isoTime(JsonNode value, String path, Instant absent) {
        if (value == null || value.isNull()) {
            return absent;
        }
        try {
            if (value.isTextual()) {
                return storable(Instant.parse(value.asText()), path);
            }
        } catch (DateTimeParseException e) {
            // refused below, in the contract's words rather than the parser's
        }
        throw RequestRejected.badRequest(path, "'" + path + "' must be an ISO-8601 time such as \"2026-11-22T10:00:00Z\"");
    }

    /** The time itself, refused outside the years the hub can keep. */
    public static Instant storable(Instant at, String path) {
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw RequestRejected.badRequest(path, "'" + path + "' must be a time between the years 1970 and 9999");
        }
        return at;
    }
}

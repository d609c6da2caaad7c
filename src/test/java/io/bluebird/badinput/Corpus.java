package io.bluebird.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.bluebird.http.PathIds;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * What a broken client or a forger sends, as jqwik arbitraries: valid documents with one value of the wrong kind,
 * one field gone or one key twice; truncated, not UTF-8, nested 5,000 deep, huge; hostile path ids, query strings and
 * credentials. Bodies are bytes, since some of them are not text at all.
 */
final class Corpus {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where a hostile value goes in a serialized document; no seed holds it. */
    private static final String SLOT = "\u00a7slot\u00a7";
    private static final byte[] SLOT_JSON = ("\"" + SLOT + "\"").getBytes(StandardCharsets.UTF_8);

    /** The text the issue names: what an expression language or SQL would evaluate, and characters that hide. */
    static final List<String> EVALUABLE = List.of("${sys:user.home}", "${header.Authorization}",
            "{{bluebird.api.token}}", "#{T(java.lang.Runtime)}", "'; DROP TABLE conversation; --");

    private Corpus() {
    }

    /** A field's value of any wrong kind, as raw JSON bytes (some not UTF-8). */
    static Arbitrary<byte[]> hostileValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("null", "true", "false", "0", "-1", "1.5", "1e400", "-1e400",
                        "99999999999999999999999999", "[]", "{}", "[null]", "[1, \"a\"]", "{\"id\": {}}", "\"\"",
                        "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"a\\udc00b\"", "\"\\ud83d\"",
                        "\"\\u200b\\u200c\\u200d\\u2060\\ufeff\"", "\"\\u200f\\u202e\\u2066abc\\u2069\"",
                        "\"unknown.type\"", "\"PUBLIC\"", "\"dm.unknown\"", "\"tomorrow\"", "\"1970-01-01T00:00:00Z\"",
                        "\"+999999999-12-31T23:59:59Z\"", "\"99999999999999999999\"", "\"-1\"", "\"/\"", "\"../..\"",
                        "\"x:dm:\"", "\"\\\"\"")
                        .map(Corpus::utf8)),
                Tuple.of(3, Arbitraries.of(EVALUABLE).map(Corpus::jsonString)),
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40).map(Corpus::jsonString)),
                Tuple.of(2, Arbitraries.integers().between(250, 130_000).map(n -> jsonString("w".repeat(n)))),
                Tuple.of(1, Arbitraries.of(5_000, 1_001).map(Corpus::nested)),
                Tuple.of(2, invalidUtf8().map(bad -> concat(utf8("\"ab"), bad, utf8("cd\"")))),
                Tuple.of(2, Arbitraries.longs().map(n -> utf8(Long.toString(n)))));
    }

    /** Byte sequences that are not UTF-8: a lone continuation, an overlong NUL, an encoded surrogate, 0xFF. */
    static Arbitrary<byte[]> invalidUtf8() {
        return Arbitraries.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xC0, (byte) 0x80},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82});
    }

    /** Bodies for a door whose valid documents are {@code seeds}: mostly broken, a few valid. */
    static Arbitrary<byte[]> bodies(String... seeds) {
        List<JsonNode> trees = Arrays.stream(seeds).map(Corpus::parse).toList();
        Arbitrary<JsonNode> seed = Arbitraries.of(trees);
        return Arbitraries.frequencyOf(
                Tuple.of(5, seed.flatMap(Corpus::replaced)),
                Tuple.of(2, seed.flatMap(Corpus::removed)),
                Tuple.of(1, seed.flatMap(Corpus::duplicated)),
                Tuple.of(2, seed.flatMap(Corpus::truncated)),
                Tuple.of(1, seed.flatMap(Corpus::notUtf8)),
                Tuple.of(1, seed.map(tree -> concat(bytes(tree), utf8(" {\"trailing\": true}")))),
                Tuple.of(1, hostileValues()),
                Tuple.of(1, Arbitraries.of(new byte[0], utf8(" "), utf8("\n"), utf8("\uFEFF{}"), utf8("[{}]"),
                        utf8("{\"data\": null}"), utf8("{\"object\": \"page\"}"))),
                Tuple.of(1, seed.map(Corpus::bytes)));
    }

    /** One value of the document, anywhere in it, replaced by a hostile one. */
    private static Arbitrary<byte[]> replaced(JsonNode tree) {
        return Combinators.combine(Arbitraries.of(paths(tree)), hostileValues())
                .as((path, value) -> spliced(withSlot(tree, path), value));
    }

    private static Arbitrary<byte[]> removed(JsonNode tree) {
        return Arbitraries.of(paths(tree)).map(path -> {
            JsonNode copy = tree.deepCopy();
            JsonNode parent = copy.at(path.head());
            String last = path.last().getMatchingProperty();
            if (parent instanceof ObjectNode object) {
                object.remove(last);
            } else if (parent instanceof ArrayNode array) {
                array.remove(path.last().getMatchingIndex());
            }
            return bytes(copy);
        });
    }

    /** A field given twice, the second time with another value: parsers disagree on which one counts. */
    private static Arbitrary<byte[]> duplicated(JsonNode tree) {
        List<JsonPointer> fields = paths(tree).stream().filter(p -> tree.at(p.head()).isObject()).toList();
        return Combinators.combine(Arbitraries.of(fields), hostileValues()).as((path, value) -> spliced(
                withSlot(tree, path), concat(bytes(tree.at(path)), utf8(", " + jsonText(path.last()
                        .getMatchingProperty()) + ": "), value)));
    }

    private static Arbitrary<byte[]> truncated(JsonNode tree) {
        byte[] whole = bytes(tree);
        return Arbitraries.integers().between(0, whole.length - 1).map(n -> Arrays.copyOf(whole, n));
    }

    private static Arbitrary<byte[]> notUtf8(JsonNode tree) {
        byte[] whole = bytes(tree);
        return Combinators.combine(Arbitraries.integers().between(0, whole.length), invalidUtf8())
                .as((at, bad) -> concat(Arrays.copyOf(whole, at), bad, Arrays.copyOfRange(whole, at, whole.length)));
    }

    /** Ids as a caller might put them in a path: anything, percent-encoded by the caller as a client library does. */
    static Arbitrary<String> pathIds() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", ".", "..", "../..", "%", "%2F", "a/b", "a\\b", "ID:' OR '1'='1", "' OR 1=1 --",
                        "x:3805104374", "\u0000", "\u202eevil", "\u200b", "${header.Authorization}",
                        "{{bluebird.api.token}}", "#{T(java.lang.Runtime)}", "a".repeat(300), "a".repeat(5_000),
                        "ID:5783edcf-0000-0000-0000-000000000000", "26acd845-0000-0000-0000-000000000000"),
                Arbitraries.strings().all().ofMaxLength(60));
    }

    /** Paths Tomcat reads before the hub does: broken escapes, raw bytes it refuses, a segment over 8 KB. */
    static Arbitrary<String> malformedIds() {
        return Arbitraries.oneOf(Arbitraries.of("a%2Fb", "a%00b", "a%zzb", "a%5Cb", "a\\b", "%", "a%2", "%c3%28",
                        "%ed%a0%80", "..%2F..%2F", "a%0d%0aX-Injected:%201", "z".repeat(10_000)),
                Arbitraries.strings().withChars("%zZ0Ff\\").ofMinLength(1).ofMaxLength(12));
    }

    /** Query strings, encoded or not: the door's own parameters given wrong, twice or with hostile values. */
    static Arbitrary<String> queryStrings(String... names) {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(names), Arbitraries.of("Authorization", "id",
                "helpdesk", "CamelHttpResponseCode", "CamelBeanMethodName", "CamelHttpUri", "handle[]", ""),
                Arbitraries.strings().alpha().ofMaxLength(8));
        Arbitrary<String> value = Arbitraries.oneOf(pathIds().map(PathIds::encoded),
                Arbitraries.of("%zz", "%", "%00", "a%2Fb", "2026-13-45", "-1", "9999999999999999999", "now",
                        "2026-11-22T10:00:00Z", "subscribe", "Bearer%20test-token", "toString", "500"));
        Arbitrary<String> pair = Combinators.combine(name, value, Arbitraries.of("=", "", "=="))
                .as((n, v, eq) -> n + eq + v);
        return pair.list().ofMinSize(1).ofMaxSize(4).map(pairs -> String.join("&", pairs));
    }

    /** Authorization headers that must not open the API, as java.net.http will send them. */
    static Arbitrary<String> wrongAuthorizations(String token) {
        return Arbitraries.oneOf(Arbitraries.of("", "Bearer", "Bearer ", "Bearer  ", "Basic dGVzdC10b2tlbg==",
                        "Token " + token, "Bearer " + token + "x", "Bearer " + token.toUpperCase(), "Bearer x" + token,
                        "Bearer " + token.substring(1), "Bearer " + token + " " + token, "Bearer ${header.Authorization}",
                        "Bearer {{bluebird.api.token}}", "Bearer " + "t".repeat(4_000), token, "Bearer" + token),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60).map(s -> "Bearer " + s));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static byte[] bytes(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON string of any text, every char outside printable ASCII escaped, so lone surrogates survive as such. */
    static byte[] jsonString(String text) {
        return utf8(jsonText(text));
    }

    private static String jsonText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static byte[] nested(int depth) {
        return utf8("[".repeat(depth) + "]".repeat(depth));
    }

    /** Every node of the tree but the root, as pointers. */
    private static List<JsonPointer> paths(JsonNode tree) {
        List<JsonPointer> paths = new ArrayList<>();
        collect(tree, JsonPointer.empty(), paths);
        return paths;
    }

    private static void collect(JsonNode node, JsonPointer at, List<JsonPointer> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonPointer child = at.appendProperty(field.getKey());
                paths.add(child);
                collect(field.getValue(), child, paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonPointer child = at.appendIndex(i);
                paths.add(child);
                collect(node.get(i), child, paths);
            }
        }
    }

    private static byte[] withSlot(JsonNode tree, JsonPointer path) {
        JsonNode copy = tree.deepCopy();
        JsonNode parent = copy.at(path.head());
        if (parent instanceof ObjectNode object) {
            object.set(path.last().getMatchingProperty(), TextNode.valueOf(SLOT));
        } else if (parent instanceof ArrayNode array) {
            array.set(path.last().getMatchingIndex(), TextNode.valueOf(SLOT));
        }
        return bytes(copy);
    }

    private static byte[] spliced(byte[] document, byte[] value) {
        for (int i = 0; i <= document.length - SLOT_JSON.length; i++) {
            if (Arrays.equals(document, i, i + SLOT_JSON.length, SLOT_JSON, 0, SLOT_JSON.length)) {
                return concat(Arrays.copyOf(document, i), value,
                        Arrays.copyOfRange(document, i + SLOT_JSON.length, document.length));
            }
        }
        throw new IllegalStateException("no slot in " + new String(document, StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

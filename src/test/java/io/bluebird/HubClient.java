package io.bluebird;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.springframework.jms.core.JmsTemplate;

/** The hub seen from outside: real HTTP calls to its port, as a channel or an integrator would make them. */
public final class HubClient {

    public static final String TOKEN = "test-token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final int port;

    public HubClient(int port) {
        this.base = "http://localhost:" + port;
        this.port = port;
    }

    /** A SocialMessage on POST /api/messages; one the hub accepts must be valid by the shipped schema too. */
    public HttpResponse<String> postMessage(String json) {
        return accepted(ContractSchema.SOCIAL_MESSAGE, json, send(request("/api/messages")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))));
    }

    /** A HelpdeskEvent on POST /api/helpdesk-events, as a helpdesk would send it; held to the schema as above. */
    public HttpResponse<String> postHelpdeskEvent(String json) {
        return accepted(ContractSchema.HELPDESK_EVENT, json, send(request("/api/helpdesk-events")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))));
    }

    /** What the hub took (202), the schema must take: the schema says no less than the hub does. */
    private static HttpResponse<String> accepted(ContractSchema schema, String sent, HttpResponse<String> answer) {
        if (answer.statusCode() == 202) {
            schema.assertValid(json(sent));
        }
        return answer;
    }

    /** The next message on a queue of the hub's broker, as JSON; fails the test when none comes in time. */
    public static JsonNode received(JmsTemplate jms, String queue) {
        Message message = jms.receive(queue);
        if (message == null) {
            throw new AssertionError("nothing arrived on " + queue + " within " + jms.getReceiveTimeout() + " ms");
        }
        try {
            return json(message.getBody(String.class));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer read off the socket: status, Content-Type and the body (de-chunked). */
    public record RawAnswer(int status, String contentType, String body) {
    }

    /**
     * A GET of {@code target} written on a socket as given, for what java.net.http will not send: a malformed
     * escape, a raw backslash, a path over the header size limit.
     */
    public RawAnswer raw(String target) {
        return rawRequest("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN + "\r\n"
                + "Connection: close\r\n\r\n");
    }

    /** A whole request written on a socket as given (it must ask for Connection: close), and its answer. */
    public RawAnswer rawRequest(String request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            String head = new String(readHead(in), StandardCharsets.ISO_8859_1);
            String[] lines = head.split("\r\n");
            String type = null;
            boolean chunked = false;
            for (String line : lines) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    type = line.substring(13).strip();
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            byte[] rest = in.readAllBytes();
            return new RawAnswer(Integer.parseInt(lines[0].split(" ")[1]), type,
                    new String(chunked ? dechunked(rest) : rest, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while (last4 != 0x0d0a0d0a && (b = in.read()) != -1) {
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        return head.toByteArray();
    }

    private static byte[] dechunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOfCrLf(body, at);
            int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0]
                    .strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    /** GET on the hub's API with the right token, the answer parsed. */
    public JsonNode getJson(String path) {
        HttpResponse<String> response = send(request(path).header("Authorization", "Bearer " + TOKEN).GET());
        return json(response.body());
    }

    /** The first conversation of a handle, or a missing node while there is none. */
    public JsonNode conversationOf(String handle) {
        return getJson("/api/conversations?handle=" + handle).path("conversations").path(0);
    }

    /** The JSON error of an answer that must be a 400. */
    public static JsonNode badRequest(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json(response.body());
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    /** A customer's private message as a generic channel would post it. */
    public static String dm(String nativeId, String authorId, String handle, String text) {
        return """
                {"channel": "x", "visibility": "private", "nativeId": "%s", "account": "4337869213",
                 "author": {"id": "%s", "handle": "%s", "name": "Jane Doe", "followers": 1200, "verified": false},
                 "text": "%s", "createdAt": "2026-11-22T10:00:00Z"}""".formatted(nativeId, authorId, handle, text);
    }
}

package io.bluebird;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The real Request Tracker of scripts/rt-test-server.sh, started once for the test run, and read back through its
 * own REST2 API as an agent's tools would.
 */
public final class RequestTracker {

    public static final String USER = "root";
    public static final String PASSWORD = "password";
    private static String url;

    private final HttpClient http = HttpClient.newHttpClient();

    public static synchronized String url() throws IOException, InterruptedException {
        if (url == null) {
            Process start = new ProcessBuilder(Path.of("scripts", "rt-test-server.sh").toString(), "start")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (start.waitFor() != 0) {
                throw new IllegalStateException("scripts/rt-test-server.sh start failed: " + out);
            }
            url = out.lines().reduce((a, b) -> b).orElseThrow();
            Runtime.getRuntime().addShutdownHook(new Thread(RequestTracker::stop));
        }
        return url;
    }

    /** {@link #url()} for a Spring property supplier, which cannot throw checked exceptions. */
    public static String startedUrl() {
        try {
            return url();
        } catch (IOException e) {
            throw new IllegalStateException("Request Tracker did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Request Tracker started", e);
        }
    }

    private static void stop() {
        try {
            new ProcessBuilder(Path.of("scripts", "rt-test-server.sh").toString(), "stop").inheritIO().start()
                    .waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/REST/2.0" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("RT answered " + response.statusCode() + " to " + path);
        }
        return HubClient.json(response.body());
    }

    /** The ids of the tickets whose custom field holds this conversation id. */
    public List<String> ticketsOf(String conversationId) throws IOException, InterruptedException {
        return ids(get("/tickets?query=" + URLEncoder.encode("CF.{Bluebird Conversation} = '" + conversationId + "'",
                StandardCharsets.UTF_8)));
    }

    public List<String> ticketsRequestedBy(String email) throws IOException, InterruptedException {
        return ids(get("/tickets?query=" + URLEncoder.encode("Requestor.EmailAddress = '" + email + "'",
                StandardCharsets.UTF_8)));
    }

    /** Each transaction of the ticket as "Type: content" (Create, Correspond, Comment…), oldest first. */
    public List<String> history(String ticketId) throws IOException, InterruptedException {
        List<String> transactions = new ArrayList<>();
        for (JsonNode item : get("/ticket/" + ticketId + "/history?per_page=100").path("items")) {
            JsonNode transaction = get("/transaction/" + item.path("id").asText());
            String type = transaction.path("Type").asText();
            if (!List.of("Create", "Correspond", "Comment").contains(type)) {
                continue;
            }
            StringBuilder content = new StringBuilder();
            for (JsonNode hyperlink : transaction.path("_hyperlinks")) {
                if ("attachment".equals(hyperlink.path("ref").asText())) {
                    String attachmentUrl = hyperlink.path("_url").asText();
                    JsonNode attachment = get(attachmentUrl.substring(attachmentUrl.indexOf("/attachment/")));
                    if (attachment.path("ContentType").asText().startsWith("text/plain")) {
                        content.append(new String(Base64.getDecoder().decode(attachment.path("Content").asText()
                                .replaceAll("\\s", "")), StandardCharsets.UTF_8));
                    }
                }
            }
            transactions.add(type + ": " + content.toString().strip());
        }
        return transactions;
    }

    private static List<String> ids(JsonNode search) {
        List<String> ids = new ArrayList<>();
        search.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}

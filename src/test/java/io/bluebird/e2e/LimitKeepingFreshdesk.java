package io.bluebird.e2e;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock Freshdesk (API v2) that keeps the limits Freshdesk documents for a plan ("What are the rate limits for
 * the API calls to Freshdesk?": Enterprise 700 calls a minute, Ticket Create 280, Ticket Update 280): every answer
 * says {@code X-RateLimit-Total}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Used-CurrentRequest}, a call
 * beyond a limit gets 429 with {@code Retry-After}. It makes tickets with their tags, finds them by tag
 * ({@code GET /api/v2/search/tickets?query="tag:'…'"}), keeps each ticket's description and notes in order, and
 * answers a ticket's tags and their update.
 */
final class LimitKeepingFreshdesk extends LimitKeepingHelpdesk {

    private static final Pattern TICKET = Pattern.compile("/api/v2/tickets/(\\d+)");
    private static final Pattern NOTES = Pattern.compile("/api/v2/tickets/(\\d+)/notes");
    private static final Pattern TAG_QUERY = Pattern.compile("tag:'([^']+)'");
    private static final String ACCOUNT = "account";
    private static final String CREATE = "ticket-create";
    private static final String UPDATE = "ticket-update";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int perMinute;
    private final int createsPerMinute;
    private final int updatesPerMinute;
    private final Map<Long, Set<String>> tags = new HashMap<>();

    LimitKeepingFreshdesk(int perMinute, int createsPerMinute, int updatesPerMinute) {
        this.perMinute = perMinute;
        this.createsPerMinute = createsPerMinute;
        this.updatesPerMinute = updatesPerMinute;
    }

    @Override
    public String getName() {
        return "limit-keeping-freshdesk";
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent call) {
        String url = call.getRequest().getUrl();
        if (!url.startsWith("/api/v2/")) {
            return call.getResponseDefinition();
        }
        long now = System.nanoTime();
        long reset = call(now);
        String method = call.getRequest().getMethod().getName();
        boolean create = method.equals("POST") && url.equals("/api/v2/tickets");
        boolean update = method.equals("PUT") && TICKET.matcher(url).matches();
        String endpoint = create ? CREATE : update ? UPDATE : null;
        if (spent(ACCOUNT, perMinute) || create && spent(CREATE, createsPerMinute)
                || update && spent(UPDATE, updatesPerMinute)) {
            refuse();
            return headers(ResponseDefinitionBuilder.responseDefinition().withStatus(429)
                    .withHeader("Retry-After", String.valueOf(reset)));
        }
        if (endpoint != null) {
            take(now, ACCOUNT, endpoint);
        } else {
            take(now, ACCOUNT);
        }
        return headers(ResponseDefinitionBuilder.like(answer(call, method, url)).but());
    }

    private ResponseDefinition headers(ResponseDefinitionBuilder answer) {
        return answer.withHeader("X-RateLimit-Total", String.valueOf(perMinute))
                .withHeader("X-RateLimit-Remaining", String.valueOf(Math.max(0, perMinute - used(ACCOUNT))))
                .withHeader("X-RateLimit-Used-CurrentRequest", "1")
                .build();
    }

    private ResponseDefinition answer(ServeEvent call, String method, String url) {
        Matcher ticket = TICKET.matcher(url);
        Matcher notes = NOTES.matcher(url);
        if (method.equals("GET") && url.startsWith("/api/v2/search/tickets")) {
            Matcher tag = TAG_QUERY.matcher(URLDecoder.decode(url, StandardCharsets.UTF_8));
            String wanted = tag.find() ? tag.group(1) : "";
            List<Map<String, Object>> results = tags.entrySet().stream()
                    .filter(known -> known.getValue().contains(wanted))
                    .<Map<String, Object>>map(known -> Map.of("id", known.getKey())).toList();
            return ResponseDefinition.okForJson(Map.of("results", results, "total", results.size()));
        }
        if (method.equals("POST") && url.equals("/api/v2/tickets")) {
            JsonNode body = body(call);
            long id = 5000L + tags.size();
            Set<String> its = new LinkedHashSet<>();
            body.path("tags").forEach(tag -> its.add(tag.asText()));
            tags.put(id, its);
            created(id, text(body.path("description").asText()));
            return json(201, "{\"id\": " + id + ", \"status\": 2}");
        }
        if (method.equals("POST") && notes.matches() && hasTicket(Long.parseLong(notes.group(1)))) {
            commented(Long.parseLong(notes.group(1)), text(body(call).path("body").asText()));
            return json(201, "{\"id\": 1, \"ticket_id\": " + notes.group(1) + "}");
        }
        if (ticket.matches() && hasTicket(Long.parseLong(ticket.group(1)))) {
            long id = Long.parseLong(ticket.group(1));
            if (method.equals("PUT")) {
                body(call).path("tags").forEach(tag -> tags.get(id).add(tag.asText()));
            }
            return ResponseDefinition.okForJson(Map.of("id", id, "tags", List.copyOf(tags.get(id))));
        }
        return ResponseDefinitionBuilder.responseDefinition().withStatus(404).build();
    }

    /** Freshdesk keeps descriptions and notes as HTML; the hub writes line breaks as {@code <br>}. */
    private static String text(String html) {
        return html.replace("<br>", "\n");
    }

    private static ResponseDefinition json(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body).build();
    }

    private static JsonNode body(ServeEvent call) {
        try {
            return JSON.readTree(call.getRequest().getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException("not a Freshdesk request: " + call.getRequest().getBodyAsString(), e);
        }
    }
}

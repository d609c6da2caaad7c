package io.bluebird.e2e;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock Zendesk that keeps the limits Zendesk documents ("Rate limits", developer.zendesk.com): so many ticket
 * calls a minute for the account, 100 a minute on the Update Ticket endpoint, 30 updates of one ticket in 10
 * minutes; every answer says {@code X-Rate-Limit}, {@code X-Rate-Limit-Remaining} and {@code ratelimit-reset}, and a
 * call beyond a limit gets 429 with {@code Retry-After}. It makes tickets (a create repeated with its
 * {@code Idempotency-Key} gets the first one back), keeps each ticket's description and comments in order, and lists
 * each update's custom metadata as an audit ({@code GET /api/v2/tickets/{id}/audits.json}), as Zendesk does.
 */
final class LimitKeepingZendesk extends LimitKeepingHelpdesk {

    private static final Pattern UPDATE = Pattern.compile("/api/v2/tickets/(\\d+)\\.json");
    private static final Pattern TAGS = Pattern.compile("/api/v2/tickets/(\\d+)/tags\\.json");
    private static final Pattern AUDITS = Pattern.compile("/api/v2/tickets/(\\d+)/audits\\.json.*");
    private static final Duration TICKET_WINDOW = Duration.ofMinutes(10);
    private static final int UPDATES_PER_TICKET = 30;
    private static final String ACCOUNT = "account";
    private static final String UPDATE_TICKET = "update-ticket";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int perMinute;
    private final int updatesPerMinute;
    private final Map<String, Long> ticketsByKey = new HashMap<>();
    private final Map<Long, List<Map<?, ?>>> audits = new HashMap<>();
    private final Map<Long, Deque<Long>> updatesOf = new HashMap<>();

    /** {@code perMinute}: the account's plan (700 for Enterprise); {@code updatesPerMinute}: 100 without High Volume. */
    LimitKeepingZendesk(int perMinute, int updatesPerMinute) {
        this.perMinute = perMinute;
        this.updatesPerMinute = updatesPerMinute;
    }

    @Override
    public String getName() {
        return "limit-keeping-zendesk";
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent call) {
        String url = call.getRequest().getUrl();
        if (!url.startsWith("/api/v2/tickets")) {
            return call.getResponseDefinition();
        }
        long now = System.nanoTime();
        long reset = call(now);
        String method = call.getRequest().getMethod().getName();
        Matcher update = UPDATE.matcher(url);
        boolean isUpdate = method.equals("PUT") && update.matches();
        if (spent(ACCOUNT, perMinute) || isUpdate && spent(UPDATE_TICKET, updatesPerMinute)) {
            return refused(reset, reset);
        }
        if (isUpdate) {
            Deque<Long> ofTicket = updatesOf.computeIfAbsent(Long.parseLong(update.group(1)),
                    ticket -> new ArrayDeque<>());
            while (!ofTicket.isEmpty() && now - ofTicket.peekFirst() >= TICKET_WINDOW.toNanos()) {
                ofTicket.removeFirst();
            }
            if (ofTicket.size() >= UPDATES_PER_TICKET) {
                return refused(seconds(ofTicket.peekFirst() + TICKET_WINDOW.toNanos() - now), reset);
            }
            ofTicket.addLast(now);
            take(now, ACCOUNT, UPDATE_TICKET);
        } else {
            take(now, ACCOUNT);
        }
        return ResponseDefinitionBuilder.like(answer(call, method, url)).but()
                .withHeader("X-Rate-Limit", String.valueOf(perMinute))
                .withHeader("X-Rate-Limit-Remaining", String.valueOf(perMinute - used(ACCOUNT)))
                .withHeader("ratelimit-reset", String.valueOf(reset))
                .build();
    }

    private ResponseDefinition answer(ServeEvent call, String method, String url) {
        Matcher update = UPDATE.matcher(url);
        Matcher audit = AUDITS.matcher(url);
        if (method.equals("POST") && url.equals("/api/v2/tickets.json")) {
            String key = call.getRequest().getHeader("Idempotency-Key");
            Long known = ticketsByKey.get(key);
            long ticket = known != null ? known : 1000L + ticketsByKey.size();
            if (known == null) {
                ticketsByKey.put(key, ticket);
                created(ticket, body(call).path("ticket").path("comment").path("body").asText());
            }
            ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.responseDefinition().withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"ticket\": {\"id\": " + ticket + "}}");
            return (known == null ? answer : answer.withHeader("x-idempotency-lookup", "hit")).build();
        }
        if (method.equals("PUT") && update.matches() && hasTicket(Long.parseLong(update.group(1)))) {
            long ticket = Long.parseLong(update.group(1));
            JsonNode body = body(call).path("ticket");
            if (body.has("comment")) {
                commented(ticket, body.path("comment").path("body").asText());
            }
            audits.computeIfAbsent(ticket, id -> new ArrayList<>())
                    .add(0, JSON.convertValue(body.path("metadata"), Map.class));
            return ResponseDefinition.okForJson(Map.of("ticket", Map.of("id", ticket)));
        }
        if (method.equals("PUT") && TAGS.matcher(url).matches()) {
            return ResponseDefinition.okForJson(Map.of("tags", List.of()));
        }
        if (method.equals("GET") && audit.matches()) {
            long ticket = Long.parseLong(audit.group(1));
            // plain maps: WireMock writes its answer with its own (shaded) Jackson
            List<Map<String, Object>> newestFirst = audits.getOrDefault(ticket, List.of()).stream()
                    .<Map<String, Object>>map(custom -> Map.of("ticket_id", ticket,
                            "metadata", Map.of("custom", custom, "system", Map.of()))).toList();
            return ResponseDefinition.okForJson(Map.of("audits", newestFirst));
        }
        return ResponseDefinitionBuilder.responseDefinition().withStatus(404).build();
    }

    private ResponseDefinition refused(long retryAfter, long reset) {
        refuse();
        return ResponseDefinitionBuilder.responseDefinition().withStatus(429)
                .withHeader("Retry-After", String.valueOf(retryAfter))
                .withHeader("X-Rate-Limit", String.valueOf(perMinute))
                .withHeader("X-Rate-Limit-Remaining", String.valueOf(Math.max(0, perMinute - used(ACCOUNT))))
                .withHeader("ratelimit-reset", String.valueOf(reset))
                .build();
    }

    private static JsonNode body(ServeEvent call) {
        try {
            return JSON.readTree(call.getRequest().getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException("not a Zendesk ticket: " + call.getRequest().getBodyAsString(), e);
        }
    }
}

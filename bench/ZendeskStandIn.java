import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fast, counting Zendesk for the benchmark (run as {@code java bench/ZendeskStandIn.java <port>}): it answers the
 * calls the hub makes as Zendesk documents them (OAuth token, ticket create, ticket update), counts them, and reads
 * the "sent=<ms>" mark the load generator put in each DM, so the end-to-end latency (sent to the hub, answered by
 * the helpdesk) is measured from outside the hub. {@code GET /stats} prints the figures; {@code POST /reset} starts
 * a new window. Each DM's id ("My order <id> never") is remembered, so a message that reaches the stand-in twice counts
 * as a duplicate. Each update's event id (its {@code bluebird_event} metadata) becomes an audit of the ticket, listed
 * by {@code GET /api/v2/tickets/<id>/audits.json} as Zendesk does, so an update the hub tries again after a lost
 * answer is found there, as with Zendesk, and not sent twice; a create repeated with its Idempotency-Key gets the
 * ticket made the first time. {@code POST /down} makes it answer ticket calls 503 with Retry-After (a helpdesk outage) until
 * {@code POST /up}.
 */
public class ZendeskStandIn {

    private static final Pattern SENT = Pattern.compile("sent=(\\d{13})");
    private static final Pattern ID = Pattern.compile("My order (\\d+) never");
    private static final Pattern EVENT = Pattern.compile("\"bluebird_event\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern AUDITS = Pattern.compile("/api/v2/tickets/(\\d+)/audits\\.json");
    private static final byte[] TOKEN = """
            {"access_token":"bench-access-token","token_type":"bearer","expires_in":86400}""".getBytes(StandardCharsets.UTF_8);

    private static final AtomicLong creates = new AtomicLong();
    private static final AtomicLong updates = new AtomicLong();
    private static final AtomicLong nextTicket = new AtomicLong(1);
    private static final AtomicLong refused = new AtomicLong();
    private static final Set<String> seen = ConcurrentHashMap.newKeySet();
    private static final AtomicLong duplicates = new AtomicLong();
    /** Per ticket, the event ids in the metadata of the updates it took, newest first: its audits. */
    private static final Map<String, Deque<String>> audits = new ConcurrentHashMap<>();
    private static final AtomicLong auditLookups = new AtomicLong();
    private static final Map<String, Long> ticketsByKey = new ConcurrentHashMap<>();
    private static final AtomicLong idempotencyHits = new AtomicLong();
    private static volatile boolean down;
    private static long[] latencies = new long[1 << 20];
    private static int count;
    private static long first;
    private static long last;

    public static void main(String[] args) throws IOException {
        // without it the JDK's server waits for a delayed ACK between headers and body: 40 ms a call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 512);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/oauth/tokens", ex -> answer(ex, 200, TOKEN));
        server.createContext("/api/v2/tickets", ZendeskStandIn::ticket);
        server.createContext("/stats", ex -> answer(ex, 200, stats().getBytes(StandardCharsets.UTF_8)));
        server.createContext("/down", ex -> {
            down = true;
            answer(ex, 200, "{}".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/up", ex -> {
            down = false;
            answer(ex, 200, "{}".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/reset", ex -> {
            reset();
            answer(ex, 200, "{}".getBytes(StandardCharsets.UTF_8));
        });
        server.start();
    }

    private static void ticket(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher auditsOf = AUDITS.matcher(ex.getRequestURI().getPath());
        if ("GET".equals(ex.getRequestMethod()) && auditsOf.matches()) {
            auditLookups.incrementAndGet();
            answer(ex, 200, audits(auditsOf.group(1)).getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (down) {
            refused.incrementAndGet();
            ex.getResponseHeaders().set("Retry-After", "5");
            answer(ex, 503, "{\"error\":\"down for the benchmark\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        if ("POST".equals(ex.getRequestMethod()) && key != null && ticketsByKey.containsKey(key)) {
            // Zendesk answers a create repeated with its Idempotency-Key with the ticket it made the first time
            idempotencyHits.incrementAndGet();
            ex.getResponseHeaders().set("x-idempotency-lookup", "hit");
            answer(ex, 201, ("{\"ticket\":{\"id\":" + ticketsByKey.get(key) + "}}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        long now = System.currentTimeMillis();
        Matcher sent = SENT.matcher(body);
        while (sent.find()) {
            record(now, now - Long.parseLong(sent.group(1)));
        }
        // a new ticket names its first DM twice (subject and comment): count each DM of a call once
        Set<String> inCall = new HashSet<>();
        Matcher ids = ID.matcher(body);
        while (ids.find()) {
            inCall.add(ids.group(1));
        }
        for (String dm : inCall) {
            if (!seen.add(dm)) {
                duplicates.incrementAndGet();
            }
        }
        if ("POST".equals(ex.getRequestMethod())) {
            creates.incrementAndGet();
            long ticket = nextTicket.getAndIncrement();
            if (key != null) {
                ticketsByKey.put(key, ticket);
            }
            answer(ex, 201, ("{\"ticket\":{\"id\":" + ticket + "}}").getBytes(StandardCharsets.UTF_8));
        } else {
            updates.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            String id = path.substring(path.lastIndexOf('/') + 1).replace(".json", "");
            Matcher event = EVENT.matcher(body);
            if (event.find()) {
                audits.computeIfAbsent(id, ticket -> new ConcurrentLinkedDeque<>()).addFirst(event.group(1));
            }
            answer(ex, 200, ("{\"ticket\":{\"id\":" + id + "}}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static synchronized void record(long now, long latency) {
        if (count == 0) {
            first = now;
        }
        last = now;
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = latency;
    }

    private static synchronized void reset() {
        count = 0;
        creates.set(0);
        updates.set(0);
    }

    /** One line of key=value pairs, for the bench script to read. */
    private static synchronized String stats() {
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return "messages=" + count + " creates=" + creates.get() + " updates=" + updates.get()
                + " unique=" + seen.size() + " duplicates=" + duplicates.get() + " refused=" + refused.get() + " audit_lookups=" + auditLookups.get()
                + " idempotency_hits=" + idempotencyHits.get()
                + " first_ms=" + first + " last_ms=" + last
                + " e2e_p50_ms=" + percentile(sorted, 0.50) + " e2e_p99_ms=" + percentile(sorted, 0.99) + "\n";
    }

    /** The ticket's latest 100 audits as Zendesk lists them, with the custom metadata the hub looks for. */
    private static String audits(String ticket) {
        return audits.getOrDefault(ticket, new ConcurrentLinkedDeque<>()).stream().limit(100)
                .map(event -> "{\"metadata\":{\"custom\":{\"bluebird_event\":\"" + event + "\"}}}")
                .collect(Collectors.joining(",", "{\"audits\":[", "]}"));
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    private static void answer(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getRequestBody().readAllBytes();
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}

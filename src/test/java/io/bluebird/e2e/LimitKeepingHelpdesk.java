package io.bluebird.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;

/**
 * A WireMock helpdesk that keeps its vendor's documented rate limits, in fixed windows of a minute from its start,
 * and counts what it took: the figures a burst is judged by.
 */
abstract class LimitKeepingHelpdesk implements ResponseDefinitionTransformerV2 {

    private static final long MINUTE = 60_000_000_000L;

    private final long start = System.nanoTime();
    private long minute = -1;
    private final Map<String, Integer> used = new HashMap<>();
    private int calls;
    private int refused;
    private int updates;
    private long lastTaken;
    /** Each ticket's description, then its comments or notes, in the order it took them. */
    private final Map<Long, List<String>> texts = new HashMap<>();

    /** Ticket calls made, refused ones included. */
    synchronized int calls() {
        return calls;
    }

    /** Calls answered 429. */
    synchronized int refused() {
        return refused;
    }

    /** Comments or notes it took after the tickets' descriptions. */
    synchronized int updates() {
        return updates;
    }

    /** Tickets made, each once however often its create was repeated. */
    synchronized int tickets() {
        return texts.size();
    }

    /** When it last took a ticket call ({@link System#nanoTime}). */
    synchronized long lastTaken() {
        return lastTaken;
    }

    /** Each ticket's description, then its comments or notes, in the order it took them. */
    synchronized Map<Long, List<String>> texts() {
        Map<Long, List<String>> copy = new HashMap<>();
        texts.forEach((ticket, written) -> copy.put(ticket, List.copyOf(written)));
        return copy;
    }

    /** Counts a ticket call at {@code now} and returns the seconds to the end of its minute (at least 1). */
    long call(long now) {
        calls++;
        long index = (now - start) / MINUTE;
        if (index != minute) {
            minute = index;
            used.clear();
        }
        return seconds((index + 1) * MINUTE - (now - start));
    }

    /** Whether {@code limit} (the account's, an endpoint's) has used its {@code perMinute} calls this minute. */
    boolean spent(String limit, int perMinute) {
        return used.getOrDefault(limit, 0) >= perMinute;
    }

    /** The calls {@code limit} took this minute. */
    int used(String limit) {
        return used.getOrDefault(limit, 0);
    }

    /** Takes the call at {@code now} from each of {@code limits}. */
    void take(long now, String... limits) {
        for (String limit : limits) {
            used.merge(limit, 1, Integer::sum);
        }
        lastTaken = now;
    }

    /** Counts an answer of 429. */
    void refuse() {
        refused++;
    }

    boolean hasTicket(long ticket) {
        return texts.containsKey(ticket);
    }

    void created(long ticket, String description) {
        texts.put(ticket, new ArrayList<>(List.of(description)));
    }

    void commented(long ticket, String comment) {
        updates++;
        texts.get(ticket).add(comment);
    }

    static long seconds(long nanos) {
        return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }
}

package io.bluebird.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.bluebird.HubClient;
import io.bluebird.ZendeskStandIn;
import org.junit.jupiter.api.Test;

/**
 * A burst of X DMs against a Zendesk, then a Freshdesk, that keeps its documented limits (LimitKeepingZendesk: 700
 * calls a minute, Update Ticket 100 a minute, 30 updates a ticket in 10 minutes; LimitKeepingFreshdesk: 700 calls a
 * minute, Ticket Create and Update 280 each): each customer writes 10 DMs, all of them within the burst's seconds. Every message reaches its customer's one ticket, once and in order, in few calls (messages
 * that wait for the budget leave together), with almost no 429. CI runs 30 customers in 5 s; the full burst, 300
 * customers in 20 s (3,000 DMs), is {@code scripts/burst.sh}.
 */
class BurstIT {

    private static final String BRAND = "4337869213";
    private static final String X_SECRET = "burst-x-secret";
    private static final int CUSTOMERS = Integer.getInteger("burst.customers", 30);
    private static final int EACH = 10;
    private static final Duration SPREAD = Duration.ofSeconds(Integer.getInteger("burst.seconds", 5));
    private static final int SENDERS = 16;
    private static final Pattern MESSAGE = Pattern.compile("customer (\\d+) message (\\d+)\\.");

    @Test
    void zendesk() throws Exception {
        // Enterprise: 700 calls a minute; Update Ticket 100 a minute, every plan without High Volume
        LimitKeepingZendesk zendesk = new LimitKeepingZendesk(700, 100);
        int calls = burst(zendesk, """
                {"type": "zendesk", "base-url": "%s", "client-id": "burst", "client-secret": "burst-secret"}""");
        // a create and one update a customer, and the updates the budget lets go while messages still arrive
        // (10 at once, then 100 a minute, for the burst and 5 s of processing): 651 for the 300 customers
        // in 20 s, within its 700
        assertThat(calls).as("ticket calls")
                .isLessThanOrEqualTo(2 * CUSTOMERS + 10 + 100 * ((int) SPREAD.toSeconds() + 5) / 60);
    }

    @Test
    void freshdesk() throws Exception {
        // Enterprise: 700 calls a minute, Ticket Create and Ticket Update 280 each, set as an integrator on that plan
        // would (the hub's defaults are Growth's, the smallest)
        LimitKeepingFreshdesk freshdesk = new LimitKeepingFreshdesk(700, 280, 280);
        int calls = burst(freshdesk, """
                {"type": "freshdesk", "base-url": "%s", "api-key": "burst-key",
                 "creates-per-minute": 280, "updates-per-minute": 280}""");
        // a search (Freshdesk has no idempotency key), a create and one note a customer, and the notes the account's
        // budget lets go while messages still arrive (70 at once, then 700 a minute)
        assertThat(calls).as("ticket calls")
                .isLessThanOrEqualTo(3 * CUSTOMERS + 70 + 700 * ((int) SPREAD.toSeconds() + 5) / 60);
    }

    /**
     * Runs the burst against the hub with one helpdesk, {@code helpdesk}, configured by {@code settings} (its base
     * URL as %s), checks that every message is on its customer's ticket once and in order, with at most 10 answers
     * of 429 and the last message there within 4 minutes of the first sent, prints the figures and returns the
     * ticket calls made.
     */
    private static int burst(LimitKeepingHelpdesk helpdesk, String settings) throws Exception {
        WireMockServer server = new WireMockServer(options().dynamicPort().extensions(helpdesk));
        server.start();
        ZendeskStandIn.grantsTokens(server, "burst-token");
        server.stubFor(any(urlPathMatching("/api/v2/.*")).willReturn(ok()));
        try (RunningHub hub = new RunningHub("burst-" + helpdesk.getName(), Map.of(
                "BLUEBIRD_API_TOKEN", HubClient.TOKEN,
                "BLUEBIRD_X_CONSUMER_SECRET", X_SECRET, "BLUEBIRD_X_ACCOUNT_ID", BRAND,
                "SPRING_APPLICATION_JSON", """
                        {"bluebird": {"routing": {"default-helpdesk": "burst"}, "helpdesks": {"burst": %s}}}"""
                        .formatted(settings.formatted(server.baseUrl())))).start()) {
            XWebhook x = new XWebhook(new HubClient(hub.port()), X_SECRET, BRAND);
            long first = System.nanoTime();
            send(x);
            Duration sending = Duration.ofNanos(System.nanoTime() - first);

            await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> onTickets(helpdesk.texts().values()).size() >= CUSTOMERS * EACH);
            Duration toLast = Duration.ofNanos(helpdesk.lastTaken() - first);
            Thread.sleep(3_000);

            Map<Long, List<String>> tickets = helpdesk.texts();
            System.out.printf("burst (%s): %d DMs from %d customers sent in %d ms; %d ticket calls (%d creates,"
                            + " %d comments, %d answered 429), %.1f messages a create or comment, the last message on"
                            + " its ticket %d s after the first was sent%n", helpdesk.getName(), CUSTOMERS * EACH,
                    CUSTOMERS, sending.toMillis(), helpdesk.calls(), helpdesk.tickets(), helpdesk.updates(),
                    helpdesk.refused(), (double) CUSTOMERS * EACH / (helpdesk.tickets() + helpdesk.updates()),
                    toLast.toSeconds());
            assertThat(tickets).as("one ticket a customer").hasSize(CUSTOMERS);
            for (List<String> ticket : tickets.values()) {
                List<String> messages = onTickets(List.of(ticket));
                String customer = messages.get(0).split(":")[0];
                assertThat(messages).as("customer %s's ticket, in order, each once", customer)
                        .containsExactlyElementsOf(IntStream.range(0, EACH).mapToObj(n -> customer + ":" + n)
                                .toList());
            }
            assertThat(helpdesk.refused()).as("answers of 429").isLessThanOrEqualTo(10);
            assertThat(toLast).as("the last message on its ticket, from the first sent")
                    .isLessThanOrEqualTo(Duration.ofMinutes(4));
            return helpdesk.calls();
        } finally {
            server.stop();
        }
    }

    /**
     * Sends message n of every customer, then n + 1, evenly over the burst's seconds; each sender has its own
     * customers, so that one customer's messages are sent one after the other.
     */
    private static void send(XWebhook x) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        long start = System.nanoTime();
        long gap = SPREAD.toNanos() / (CUSTOMERS * EACH);
        List<Future<?>> sent = new ArrayList<>();
        for (int sender = 0; sender < SENDERS; sender++) {
            int own = sender;
            sent.add(senders.submit(() -> {
                for (int n = 0; n < EACH; n++) {
                    for (int customer = own; customer < CUSTOMERS; customer += SENDERS) {
                        long due = start + gap * ((long) n * CUSTOMERS + customer);
                        Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                        XWebhook.Dm dm = new XWebhook.Dm("burst-" + customer + "-" + n, "c-burst-" + customer,
                                "burst" + customer, "customer " + customer + " message " + n + ".");
                        assertThat(x.dmReceived(List.of(dm)).statusCode()).isEqualTo(200);
                    }
                }
                return null;
            }));
        }
        for (Future<?> done : sent) {
            done.get();
        }
        senders.shutdown();
    }

    /** The messages the tickets hold, as "customer:n", in the order each ticket has them. */
    private static List<String> onTickets(Collection<List<String>> tickets) {
        List<String> found = new ArrayList<>();
        for (List<String> ticket : tickets) {
            for (String text : ticket) {
                Matcher message = MESSAGE.matcher(text);
                while (message.find()) {
                    found.add(message.group(1) + ":" + message.group(2));
                }
            }
        }
        return found;
    }
}

package io.bluebird.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A helpdesk as the hub sees it in the worst moment of a crash: every call passes through to the real helpdesk, but
 * the answer to one kind of call (a ticket create) is held back once the helpdesk has given it, until the test has
 * killed the hub. So the helpdesk has made the ticket and the hub never heard of it.
 */
final class HoldingProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "expect");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String target;
    private final String heldMethod;
    private final String heldPath;
    private final CountDownLatch answered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    HoldingProxy(String target, String heldMethod, String heldPath) throws IOException {
        this.target = target.replaceFirst("/$", "");
        this.heldMethod = heldMethod;
        this.heldPath = heldPath;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Waits until the helpdesk has answered the held call. */
    boolean awaitAnswered(long seconds) throws InterruptedException {
        return answered.await(seconds, TimeUnit.SECONDS);
    }

    /** From now on, every answer goes straight back. */
    void release() {
        released.countDown();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (heldMethod.equals(exchange.getRequestMethod()) && heldPath.equals(exchange.getRequestURI().getPath())
                    && released.getCount() > 0) {
                answered.countDown();
                released.await(120, TimeUnit.SECONDS);
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1
                    : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // the hub was killed while its answer was held: that is the point
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}

package kupon.events;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A webhook receiver for tests: records every delivery and answers the n-th with the status {@code answer} gives, after
 * {@code delayMillis} (each on its own thread, so one slow answer holds up no other). A 3xx answer points elsewhere on
 * the same server, where anything that follows it is recorded in {@link #followed()}.
 */
final class Receiver implements AutoCloseable {

    /** One delivery as it arrived: the raw body and the signature header. */
    record Delivery(String body, String signature, String contentType, int answered, java.time.Instant arrived) {
        JsonPath json() {
            return new JsonPath(body);
        }
    }

    private final HttpServer server;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    private final List<String> followed = new CopyOnWriteArrayList<>();

    Receiver(IntUnaryOperator answer) throws IOException {
        this(answer, n -> 0);
    }

    Receiver(IntUnaryOperator answer, IntUnaryOperator delayMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            java.time.Instant arrived = java.time.Instant.now();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n = count.getAndIncrement();
            int status = answer.applyAsInt(n);
            received.add(new Delivery(body, exchange.getRequestHeaders().getFirst("Kupon-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), status, arrived));
            try {
                Thread.sleep(delayMillis.applyAsInt(n));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (status >= 300 && status < 400) exchange.getResponseHeaders().add("Location", "/elsewhere");
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.createContext("/elsewhere", exchange -> {
            followed.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** What arrived by following a redirect: nothing should. */
    List<String> followed() {
        return List.copyOf(followed);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The deliveries the receiver accepted (2xx) about this subject, in the order they arrived. */
    List<Delivery> accepted(String subject) {
        List<Delivery> about = new ArrayList<>();
        for (Delivery d : received) {
            if (d.answered() < 300 && subject.equals(d.json().getString("subject"))) about.add(d);
        }
        return about;
    }

    List<Delivery> all() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

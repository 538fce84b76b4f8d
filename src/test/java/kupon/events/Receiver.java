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

/** A webhook receiver for tests: records every delivery and answers with the status {@code answer} gives the n-th. */
final class Receiver implements AutoCloseable {

    /** One delivery as it arrived: the raw body and the signature header. */
    record Delivery(String body, String signature, String contentType, int answered) {
        JsonPath json() {
            return new JsonPath(body);
        }
    }

    private final HttpServer server;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    Receiver(IntUnaryOperator answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = answer.applyAsInt(count.getAndIncrement());
            received.add(new Delivery(body, exchange.getRequestHeaders().getFirst("Kupon-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
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

package kupon.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** The webhook receiver of the benchmarks: a JDK {@code HttpServer} with 256 threads answering every POST to /hook after 50 ms. */
final class SlowReceiver {

    private SlowReceiver() {
    }

    /** Started on 127.0.0.1 ({@code port} 0: any free port); {@code onBody} sees each body as it arrives. */
    static HttpServer start(int port, Consumer<String> onBody) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(256));
        server.createContext("/hook", exchange -> {
            onBody.accept(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}

package kupon.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code make bench-webhooks}, second part: the CPU one webhook delivery costs the sending process, for the JDK's
 * {@code java.net.http} client and for Vert.x's (the one the dispatcher uses). Each client sends passes of 150
 * chains of two 600-byte POSTs, as a dispatcher pass does, to a receiver in another process that answers after
 * 50 ms; this process does nothing else, so its CPU time is the client's.
 */
public final class DeliveryClientBenchmark {

    private static final int CHAINS = 150;
    private static final String BODY = "{\"specversion\":\"1.0\",\"data\":\"" + "x".repeat(560) + "\"}";

    private final int warmup = Integer.getInteger("bench.clientWarmupPasses", 80);
    private final int passes = Integer.getInteger("bench.clientPasses", 60);

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("receiver")) {
            receiver(Integer.parseInt(args[1]));
            return;
        }
        new DeliveryClientBenchmark().run();
    }

    /** The receiver of the webhooks benchmark, in its own process. */
    private static void receiver(int port) throws Exception {
        SlowReceiver.start(port, body -> { });
        System.out.println("ready");
    }

    private void run() throws Exception {
        // Exits either way: Vert.x's threads would keep the JVM up after a failure.
        try {
            measureBoth();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void measureBoth() throws Exception {
        int port = kupon.support.ServiceProcess.freePort();
        // The JDK server closes idle connections beyond 200 by default; the clients keep up to 256 open.
        Process receiver = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsun.net.httpserver.maxIdleConnections=1000", "-cp",
                System.getProperty("java.class.path"), DeliveryClientBenchmark.class.getName(), "receiver", Integer.toString(port))
                .redirectErrorStream(true).start();
        List<String> report = new ArrayList<>();
        try {
            new String(receiver.getInputStream().readNBytes(6)); // "ready"
            String url = "http://127.0.0.1:" + port + "/hook";
            report.add("### CPU per webhook delivery in the sending process (" + CHAINS + " chains of two POSTs per pass, "
                    + passes + " passes measured after " + warmup + ")");
            report.add("");
            report.add("| client | ms per pass | CPU µs per delivery |");
            report.add("|---|---:|---:|");

            HttpClient jdk = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            report.add(measure("JDK `java.net.http`", () -> jdk.sendAsync(HttpRequest.newBuilder(URI.create(url))
                    .version(HttpClient.Version.HTTP_1_1).header("Content-Type", "application/cloudevents+json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode)));

            Vertx vertx = Vertx.vertx();
            io.vertx.core.http.HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                    new PoolOptions().setHttp1MaxSize(256));
            Buffer body = Buffer.buffer(BODY);
            report.add(measure("Vert.x `HttpClient`", () -> client.request(new RequestOptions().setMethod(HttpMethod.POST)
                            .setAbsoluteURI(url).putHeader("Content-Type", "application/cloudevents+json"))
                    .compose(request -> request.send(body))
                    .compose(response -> response.end().map(v -> response.statusCode()))
                    .toCompletionStage().toCompletableFuture()));
            vertx.close();
        } finally {
            receiver.destroy();
        }
        report.forEach(System.out::println);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/delivery-client.md"), String.join("\n", report) + "\n");
    }

    private String measure(String name, Supplier<CompletableFuture<Integer>> send) {
        for (int p = 0; p < warmup; p++) pass(send);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long began = System.nanoTime();
        for (int p = 0; p < passes; p++) pass(send);
        double deliveries = passes * CHAINS * 2.0;
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f |", name, (System.nanoTime() - began) / 1e6 / passes,
                (os.getProcessCpuTime() - cpu) / 1e3 / deliveries);
    }

    private static void pass(Supplier<CompletableFuture<Integer>> send) {
        List<CompletableFuture<Integer>> chains = new ArrayList<>(CHAINS);
        for (int i = 0; i < CHAINS; i++) {
            chains.add(sendOnce(send).thenCompose(status -> {
                if (status != 200) throw new IllegalStateException("the receiver answered " + status);
                return sendOnce(send);
            }));
        }
        chains.forEach(CompletableFuture::join);
    }

    /** One delivery, sent again at once when the receiver closed the connection it went out on (as a retry would). */
    private static CompletableFuture<Integer> sendOnce(Supplier<CompletableFuture<Integer>> send) {
        return send.get().exceptionallyCompose(failure -> send.get());
    }
}

package kupon.bench;

import kupon.support.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code make bench-cart}: the {@link LargeCart} (500 lines × 100 units, about 58 KB) evaluated over HTTP by the
 * packaged service, one request at a time, against the target of 20 ms per cart; then the pricing core alone on
 * the same cart, this engine against the per-unit reference. It starts the service on a fresh embedded
 * PostgreSQL, adds the cart's four promotions through the API, checks that all four apply, warms up, measures.
 * Results go to {@code target/bench/cart.md}.
 *
 * <p>Settings (system properties): {@code bench.cart.warmup} and {@code bench.cart.duration} (seconds, 20 and 30),
 * {@code bench.cart.workers} (1), {@code bench.jar} (the packaged service, target/quarkus-app/quarkus-run.jar),
 * {@code bench.cart.inProcess} (true; false skips the in-process part), {@code bench.heap} (2g), and as for
 * {@link EvaluateBenchmark} {@code bench.quietWait} (300) and {@code bench.quietBusy} (20).
 */
public final class LargeCartBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TARGET_MILLIS = 20;

    private final Path jar = Path.of(System.getProperty("bench.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
    private final Path rules = Path.of(System.getProperty("bench.rules", "rules")).toAbsolutePath();
    private final long warmupMillis = Long.getLong("bench.cart.warmup", 20) * 1000;
    private final long measureMillis = Long.getLong("bench.cart.duration", 30) * 1000;
    private final int workers = Integer.getInteger("bench.cart.workers", 1);
    private final boolean inProcess = Boolean.parseBoolean(System.getProperty("bench.cart.inProcess", "true"));
    private final String heap = System.getProperty("bench.heap", "2g");
    private final long quietWaitSeconds = Long.getLong("bench.quietWait", 300);
    private final double quietBusyPercent = Double.parseDouble(System.getProperty("bench.quietBusy", "20"));

    public static void main(String[] args) throws Exception {
        new LargeCartBenchmark().run();
    }

    private void run() throws Exception {
        if (!Files.exists(jar)) throw new IllegalStateException(jar + " is missing: run `mvn package` (make bench-cart does)");
        StringBuilder report = new StringBuilder("## Large cart: 500 lines × 100 units\n\n");
        CpuMeter.header(heap).forEach(line -> report.append(line).append('\n'));
        String cart = LargeCart.json();
        report.append(String.format(Locale.ROOT, "%nCart: %d lines × %d units, %,d bytes of JSON; promotions: %s.%n%n",
                LargeCart.LINES, LargeCart.QUANTITY, cart.getBytes(StandardCharsets.UTF_8).length,
                LargeCart.PROMOTIONS.stream().map(p -> p.replaceAll("(?s).*\"name\": \"([^\"]*)\".*", "$1")).toList()));
        report.append(overHttp(cart)).append('\n');
        if (inProcess) {
            report.append(LargeCartPricing.table(LargeCartPricing.measure()));
        }
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/cart.md"), report);
        System.out.println();
        System.out.println(report);
        System.out.println("Written to target/bench/cart.md");
    }

    private String overHttp(String cart) throws Exception {
        Path work = Files.createTempDirectory("kupon-bench-cart-");
        try (ServiceProcess node = ServiceProcess.start(jar, rules, Map.of(
                "KUPON_EMBEDDED_DB_DIR", work.resolve("postgres").toString(),
                "KUPON_EMBEDDED_DB_PORT", Integer.toString(ServiceProcess.freePort())), heap, work.resolve("node.log"))) {
            for (String promotion : LargeCart.PROMOTIONS) {
                node.expectOk("POST", "/api/v1/promotions", ServiceProcess.MARKETER_KEY, promotion);
            }
            long started = System.nanoTime();
            JsonNode answer = JSON.readTree(node.expectOk("POST", "/api/v1/evaluate", ServiceProcess.CHECKOUT_KEY, cart));
            double firstMillis = (System.nanoTime() - started) / 1e6;
            List<String> applied = answer.path("applied").findValuesAsText("promotionId");
            if (applied.size() < LargeCart.PROMOTIONS.size()) {
                throw new IllegalStateException("not all four promotions applied to the large cart: " + applied);
            }
            log("first evaluation %.0f ms; applied %s, discount %s", firstMillis, applied,
                    answer.path("totals").path("discount").asText(answer.path("discountTotal").asText("?")));
            List<byte[]> requests = List.of(Http1Connection.post("localhost", node.port, "/api/v1/evaluate",
                    ServiceProcess.CHECKOUT_KEY, cart));
            EvaluateBenchmark.awaitQuietMachine(quietWaitSeconds, quietBusyPercent);
            CpuMeter cpu = new CpuMeter(node.pid(), work.resolve("postgres"));
            CpuMeter.Shares[] shares = new CpuMeter.Shares[1];
            double[][] server = new double[2][];
            log("%d worker(s), %d s warm-up + %d s measured", workers, warmupMillis / 1000, measureMillis / 1000);
            LoadRun.Result load = LoadRun.run(node.port, requests, workers, warmupMillis, measureMillis, measuring -> {
                try {
                    if (measuring) {
                        server[0] = EvaluateBenchmark.serverEvaluations(node);
                        cpu.start();
                    } else {
                        shares[0] = cpu.stop();
                        server[1] = EvaluateBenchmark.serverEvaluations(node);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            double serverMean = (server[1][1] - server[0][1]) / Math.max(1, server[1][0] - server[0][0]) * 1000;
            // CPU per request from the service's share of all CPUs over the measured period.
            double cpuMillis = shares[0].service() / 100.0 * Runtime.getRuntime().availableProcessors()
                    * load.seconds() * 1000 / Math.max(1, load.latencies().length);
            double p50 = load.percentileMillis(50);
            double p99 = load.percentileMillis(99);
            log("%,d evaluations, p50 %.2f ms, p99 %.2f ms, errors %d; service CPU %.2f ms per evaluation", load.latencies().length,
                    p50, p99, load.errors(), cpuMillis);
            return String.format(Locale.ROOT, """
                    | Evaluate over HTTP, %d worker(s), service jar | Evaluations | Errors | p50 ms | p90 ms | p99 ms | max ms | Server-side mean ms | Service CPU ms per evaluation | CPU: service / PostgreSQL / load generator / others | Target |
                    |---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|
                    | %s | %,d | %d | %.2f | %.2f | %.2f | %.1f | %.2f | %.2f | %s | p50 ≤ %.0f ms: %s |
                    """, workers, jar, load.latencies().length, load.errors(), p50, load.percentileMillis(90), p99,
                    load.maxMillis(), serverMean, cpuMillis, shares[0], TARGET_MILLIS, p50 <= TARGET_MILLIS ? "met" : "missed");
        } finally {
            Path logs = Files.createDirectories(Path.of("target/bench"));
            if (Files.exists(work.resolve("node.log"))) {
                Files.copy(work.resolve("node.log"), logs.resolve("cart-node.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[cart] %s%n", String.format(Locale.ROOT, format, args));
    }
}

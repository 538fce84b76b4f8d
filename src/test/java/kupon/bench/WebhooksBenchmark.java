package kupon.bench;

import com.sun.net.httpserver.HttpServer;
import kupon.support.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code make bench-webhooks}. 1. Orders per second with a code, with one webhook subscribed to every event and a
 * receiver that answers in 50 ms, against no webhook, alternating on one node. 2. The delay from an event's time to
 * its arrival at that receiver, over 10,000 events made by orders at full speed.
 */
public final class WebhooksBenchmark {

    private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");

    private final int workers = Integer.getInteger("bench.workers", 8);
    private final long duration = Long.getLong("bench.duration", 15) * 1000;
    private final int rounds = Integer.getInteger("bench.rounds", 2);
    private final int events = Integer.getInteger("bench.events", 10_000);
    private final List<String> report = new ArrayList<>() {
        @Override
        public boolean add(String line) {
            System.out.println(line); // as it is measured, so a long run shows progress
            return super.add(line);
        }
    };
    private final ConcurrentLinkedQueue<Long> delaysMicros = new ConcurrentLinkedQueue<>();
    private final AtomicInteger received = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        new WebhooksBenchmark().run();
    }

    private void run() throws Exception {
        HttpServer receiver = SlowReceiver.start(0, body -> {
            long arrived = System.currentTimeMillis() * 1000;
            Matcher time = TIME.matcher(body);
            if (time.find()) {
                Instant at = Instant.parse(time.group(1));
                delaysMicros.add(arrived - (at.getEpochSecond() * 1_000_000 + at.getNano() / 1000));
            }
            received.incrementAndGet();
        });
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

        Path work = Files.createTempDirectory("kupon-bench-webhooks-");
        int dbPort = ServiceProcess.freePort();
        Map<String, String> env = new HashMap<>(Map.of("KUPON_EMBEDDED_DB_DIR", work.resolve("postgres").toString(),
                "KUPON_EMBEDDED_DB_PORT", Integer.toString(dbPort), "KUPON_EVENTS_ALLOW_PRIVATE_TARGETS", "true"));
        // -Dbench.debugDispatch=true logs each dispatch pass's timings in the node log.
        if (Boolean.getBoolean("bench.debugDispatch")) env.put("QUARKUS_LOG_CATEGORY__KUPON_EVENTS__LEVEL", "DEBUG");
        CpuMeter.header("2g").forEach(report::add);
        try (ServiceProcess node = ServiceProcess.start(ServiceProcess.JAR.toAbsolutePath(), Path.of("rules").toAbsolutePath(),
                env, "2g", work.resolve("node.log"))) {
            new BenchCatalog(1000).seed(node, dbPort);
            throughput(node, url);
            delay(node, url);
        } finally {
            receiver.stop(0);
        }
        String text = String.join("\n", report) + "\n";
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/webhooks.md"), text);
        System.exit(0);
    }

    private String subscribe(ServiceProcess node, String url) throws Exception {
        String all = String.join("\", \"", List.of("order.placed", "order.cancelled", "code.redeemed", "promotion.budget_low",
                "promotion.budget_exhausted", "promotion.usage_limit_reached", "code_batch.completed", "ruleset.activated", "fraud.blocked"));
        String answer = node.expectOk("POST", "/api/v1/webhooks", ServiceProcess.ADMIN_KEY,
                "{\"url\": \"" + url + "\", \"events\": [\"" + all + "\"], \"secret\": \"bench-secret-0123456789\"}");
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(answer);
        if (!id.find()) throw new IllegalStateException("no webhook id in " + answer);
        return id.group(1);
    }

    private LoadRun.Result orders(ServiceProcess node) throws Exception {
        return LoadRun.run(node.port, worker -> Http1Connection.post("localhost", node.port, "/api/v1/orders",
                ServiceProcess.CHECKOUT_KEY, OrdersBenchmark.cart(BenchCatalog.CODE, "bench-" + UUID.randomUUID())),
                201, workers, 5_000, duration, phase -> { });
    }

    /** Waits until the receiver has had nothing for two seconds: the last round's deliveries are done. */
    private void drain() throws InterruptedException {
        int last = -1;
        while (received.get() != last) {
            last = received.get();
            Thread.sleep(2_000);
        }
    }

    private void throughput(ServiceProcess node, String url) throws Exception {
        report.add("");
        report.add("### Orders with a code, " + workers + " workers, " + duration / 1000 + " s per measurement");
        report.add("");
        report.add("| round | webhook | orders/s | p50 ms | p99 ms | events received during the round |");
        report.add("|---:|---|---:|---:|---:|---:|");
        Map<Boolean, List<Double>> rates = new HashMap<>();
        // One round of each, not counted, so that neither side is measured while the JIT still compiles its path.
        for (boolean subscribed : List.of(false, true)) {
            String webhook = subscribed ? subscribe(node, url) : null;
            orders(node);
            if (webhook != null) {
                drain();
                node.expectOk("DELETE", "/api/v1/webhooks/" + webhook, ServiceProcess.ADMIN_KEY, null);
            }
        }
        for (int round = 1; round <= rounds; round++) {
            for (boolean subscribed : List.of(false, true)) {
                String webhook = subscribed ? subscribe(node, url) : null;
                int before = received.get();
                LoadRun.Result placed = orders(node);
                int during = received.get() - before;
                if (webhook != null) {
                    drain();
                    node.expectOk("DELETE", "/api/v1/webhooks/" + webhook, ServiceProcess.ADMIN_KEY, null);
                }
                rates.computeIfAbsent(subscribed, k -> new ArrayList<>()).add(placed.perSecond());
                report.add(String.format(Locale.ROOT, "| %d | %s | %.0f | %.1f | %.1f | %s |", round, subscribed ? "every event, 50 ms receiver" : "none",
                        placed.perSecond(), placed.percentileMillis(50), placed.percentileMillis(99), subscribed ? Integer.toString(during) : ""));
            }
        }
        report.add("");
        report.add(String.format(Locale.ROOT, "Ratio with the webhook over without: **%.2f** (target ≥ 0.9).",
                mean(rates.get(true)) / mean(rates.get(false))));
    }

    private void delay(ServiceProcess node, String url) throws Exception {
        String webhook = subscribe(node, url);
        delaysMicros.clear();
        int start = received.get();
        long began = System.nanoTime();
        // Orders at full speed until the receiver has had the events (order.placed, and code.redeemed while the code lasts).
        AtomicInteger placed = new AtomicInteger();
        while (received.get() - start < events) {
            LoadRun.run(node.port, worker -> {
                placed.incrementAndGet();
                return Http1Connection.post("localhost", node.port, "/api/v1/orders", ServiceProcess.CHECKOUT_KEY,
                        OrdersBenchmark.cart(BenchCatalog.CODE, "delay-" + UUID.randomUUID()));
            }, 201, workers, 0, 1_000, phase -> { });
        }
        double producing = (System.nanoTime() - began) / 1e9;
        drain();
        node.expectOk("DELETE", "/api/v1/webhooks/" + webhook, ServiceProcess.ADMIN_KEY, null);
        long[] sorted = delaysMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        report.add("");
        report.add(String.format(Locale.ROOT, "### Delivery delay: %,d events (%,d orders in %.1f s, full speed), receiver answering in 50 ms",
                sorted.length, placed.get(), producing));
        report.add("");
        report.add("| p50 ms | p90 ms | p99 ms | max ms | target p99 |");
        report.add("|---:|---:|---:|---:|---|");
        report.add(String.format(Locale.ROOT, "| %.1f | %.1f | %.1f | %.1f | ≤ 2,000 ms |", at(sorted, 50), at(sorted, 90), at(sorted, 99),
                sorted[sorted.length - 1] / 1000.0));
    }

    private static double at(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1000.0;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}

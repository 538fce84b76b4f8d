package kupon.bench;

import kupon.support.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code make bench-orders}: codes and orders at volume. On the packaged service with a fresh embedded
 * PostgreSQL it measures (1) generating 1,000,000 codes in one batch while evaluations keep running, with
 * their latency before and during the batch; (2) evaluate latency with one of the million codes entered
 * (the code lookup) against no code; (3) committed orders per second without and with codes, each order
 * with a new order id and, with codes, its own single-use code. Results are printed as Markdown and written
 * to {@code target/bench/orders.md}.
 *
 * <p>Settings (system properties): {@code bench.codes} (1000000), {@code bench.workers} (8),
 * {@code bench.duration} (20 s per measurement), {@code bench.heap} (2g).
 */
public final class OrdersBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    private final Path rules = Path.of("rules").toAbsolutePath();
    private final int codes = Integer.getInteger("bench.codes", 1_000_000);
    private final int workers = Integer.getInteger("bench.workers", 8);
    private final long duration = Long.getLong("bench.duration", 20) * 1000;
    private final String heap = System.getProperty("bench.heap", "2g");
    private final List<String> report = new ArrayList<>();
    private Path database;

    public static void main(String[] args) throws Exception {
        new OrdersBenchmark().run();
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("kupon-bench-orders-");
        database = work.resolve("postgres");
        Files.createDirectories(Path.of("target/bench"));
        report.addAll(CpuMeter.header(heap));
        try (ServiceProcess node = ServiceProcess.start(jar, rules, Map.of(
                "KUPON_EMBEDDED_DB_DIR", work.resolve("postgres").toString(),
                "KUPON_EMBEDDED_DB_PORT", Integer.toString(ServiceProcess.freePort())), heap, work.resolve("node.log"))) {
            node.expectOk("POST", "/api/v1/promotions", ServiceProcess.MARKETER_KEY, """
                    {"id": "bench-mailing", "name": "Mailing: 10% off", "trigger": "CODE",
                     "reward": {"type": "PERCENT_OFF", "value": 10, "target": "ORDER"}}""");

            // 1. A million codes while evaluations run.
            List<byte[]> plain = List.of(Http1Connection.post("localhost", node.port, "/api/v1/evaluate", ServiceProcess.CHECKOUT_KEY, cart(null, null)));
            LoadRun.Result before = LoadRun.run(node.port, plain, 2, 5_000, 10_000, phase -> { });
            long started = System.nanoTime();
            JsonNode batch = JSON.readTree(node.expectOk("POST", "/api/v1/promotions/bench-mailing/code-batches", ServiceProcess.MARKETER_KEY,
                    "{\"count\": " + codes + ", \"pattern\": \"BF-####-####\", \"maxUses\": 1}"));
            String batchId = batch.get("batchId").asText();
            long[] generationMillis = {0};
            Thread poll = new Thread(() -> {
                try {
                    while (true) {
                        JsonNode status = JSON.readTree(node.expectOk("GET", "/api/v1/code-batches/" + batchId, ServiceProcess.MARKETER_KEY, null));
                        if (!status.get("status").asText().equals("RUNNING")) {
                            generationMillis[0] = (System.nanoTime() - started) / 1_000_000;
                            if (!status.get("status").asText().equals("DONE")) throw new IllegalStateException("batch " + status);
                            return;
                        }
                        ServiceProcess.sleep(200);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            poll.start();
            LoadRun.Result during = LoadRun.run(node.port, plain, 2, 1_000, 15_000, phase -> { });
            poll.join();
            report.add("");
            report.add("### " + codes + " codes in one batch, with evaluations running (2 workers)");
            report.add("");
            report.add("| | evaluations/s | p50 ms | p99 ms | max ms | errors |");
            report.add("|---|---:|---:|---:|---:|---:|");
            report.add(row("before the batch", before));
            report.add(row("while generating", during));
            report.add("");
            report.add("Generated " + codes + " codes in **" + generationMillis[0] / 1000.0 + " s** (target ≤ 30 s).");

            // 2. Code lookup: evaluate with one of the million codes, against no code.
            String csv = node.expectOk("GET", "/api/v1/code-batches/" + batchId + "/codes.csv", ServiceProcess.MARKETER_KEY, null);
            List<String> all = Arrays.asList(csv.split("\n")).subList(1, codes + 1);
            List<byte[]> withCode = new ArrayList<>();
            // 50,000 different codes: at the rates measured each comes back only every ten seconds or so, long after
            // the service's one-second code cache forgot it, so every evaluation looks its code up in the database.
            for (int i = 0; i < 50_000; i++) {
                withCode.add(Http1Connection.post("localhost", node.port, "/api/v1/evaluate", ServiceProcess.CHECKOUT_KEY,
                        cart(all.get((int) ((long) i * 197 % all.size())), null)));
            }
            LoadRun.Result noCode = LoadRun.run(node.port, plain, workers, 5_000, duration, phase -> { });
            LoadRun.Result oneCode = LoadRun.run(node.port, withCode, workers, 5_000, duration, phase -> { });
            report.add("");
            report.add("### Evaluate with one of the " + codes + " codes entered (" + workers + " workers)");
            report.add("");
            report.add("| | evaluations/s | p50 ms | p99 ms | max ms | errors |");
            report.add("|---|---:|---:|---:|---:|---:|");
            report.add(row("no code", noCode));
            report.add(row("one code (looked up)", oneCode));

            // 3. Committed orders per second.
            report.add("");
            report.add("### Committed orders (" + workers + " workers, each order a new order id)");
            report.add("");
            report.add("| | orders/s | p50 ms | p99 ms | max ms | refused or failed | CPU: service / PostgreSQL / load generator / others | CPU ms per order: service + PostgreSQL |");
            report.add("|---|---:|---:|---:|---:|---:|---|---:|");
            report.add(orders(node, "without codes", i -> null));
            int offset = codes / 2;
            report.add(orders(node, "each with its own code", i -> all.get((offset + i) % all.size())));
        }
        String text = String.join("\n", report) + "\n";
        System.out.println(text);
        Files.writeString(Path.of("target/bench/orders.md"), text);
    }

    private String orders(ServiceProcess node, String label, java.util.function.IntFunction<String> code) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        CpuMeter cpu = new CpuMeter(node.pid(), database);
        CpuMeter.Shares[] shares = new CpuMeter.Shares[1];
        LoadRun.Result result = LoadRun.run(node.port, worker -> Http1Connection.post("localhost", node.port, "/api/v1/orders",
                ServiceProcess.CHECKOUT_KEY, cart(code.apply(next.getAndIncrement()), "bench-" + UUID.randomUUID())), 201,
                workers, 5_000, duration, measuring -> {
                    try {
                        if (measuring) cpu.start();
                        else shares[0] = cpu.stop();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        // A share of 1% of the machine for one second is (CPUs × 10) ms of CPU; per order, divided by orders/s.
        double cpuMillis = 1000.0 * Runtime.getRuntime().availableProcessors() / Math.max(1, result.perSecond()) / 100.0;
        return String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %.1f | %d | %s | %.2f + %.2f |", label, result.perSecond(),
                result.percentileMillis(50), result.percentileMillis(99), result.maxMillis(), result.errors(), shares[0],
                shares[0].service() * cpuMillis, shares[0].database() * cpuMillis);
    }

    private static String row(String label, LoadRun.Result r) {
        return String.format("| %s | %.0f | %.1f | %.1f | %.1f | %d |", label, r.perSecond(), r.percentileMillis(50),
                r.percentileMillis(99), r.maxMillis(), r.errors());
    }

    /** A 20-line cart like a real checkout's, with an optional code and order id. */
    static String cart(String code, String orderId) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0) lines.append(',');
            lines.append("{\"id\": \"l").append(i).append("\", \"sku\": \"SKU-").append(i).append("\", \"categories\": [\"cat-")
                    .append(i % 7).append("\"], \"quantity\": ").append(1 + i % 3).append(", \"unitPrice\": \"")
                    .append(5 + i).append(".99\", \"taxRate\": \"0.08\"}");
        }
        return "{" + (orderId == null ? "" : "\"orderId\": \"" + orderId + "\", ")
                + "\"cart\": {\"currency\": \"USD\", \"lines\": [" + lines + "], \"shipping\": {\"price\": \"4.99\"}},"
                + " \"customer\": {\"id\": \"c-" + (orderId == null ? "1" : orderId.substring(6, 14)) + "\"},"
                + " \"codes\": [" + (code == null ? "" : "\"" + code + "\"") + "], \"context\": {\"channel\": \"web\"}}";
    }
}

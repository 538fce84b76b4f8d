package kupon.bench;

import kupon.support.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code make bench-fraud}: one attacker sending unknown codes from one IP as fast as it can, alongside the usual
 * evaluate load (1,000 promotions, every cart with a valid code). Measures the legitimate evaluations with and without
 * the attacker, back to back, and how many of the attacker's requests were refused 429 and how fast they were answered.
 * Targets: legitimate throughput with the attacker ≥ 80% of without, p99 ≤ 20 ms. Results in target/bench/fraud.md.
 *
 * <p>Settings: {@code bench.workers} (8), {@code bench.warmup} (15 s), {@code bench.duration} (30 s per measurement),
 * {@code bench.rounds} (2: without, with, without, with...).
 */
public final class FraudBenchmark {

    private static final int PROMOTIONS = 1000;
    private final int workers = Integer.getInteger("bench.workers", 8);
    private final long warmup = Long.getLong("bench.warmup", 15) * 1000;
    private final long duration = Long.getLong("bench.duration", 30) * 1000;
    private final int rounds = Integer.getInteger("bench.rounds", 2);
    private final List<String> report = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new FraudBenchmark().run();
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("kupon-bench-fraud-");
        int dbPort = ServiceProcess.freePort();
        Map<String, String> database = Map.of("KUPON_EMBEDDED_DB_DIR", work.resolve("postgres").toString(),
                "KUPON_EMBEDDED_DB_PORT", Integer.toString(dbPort));
        BenchCatalog catalog = new BenchCatalog(PROMOTIONS);
        report.addAll(CpuMeter.header("2g"));
        report.add("");
        report.add("### Legitimate evaluations (" + workers + " workers, " + PROMOTIONS + " promotions, a valid code in every cart)"
                + " with and without one attacker sending unknown codes from one IP");
        report.add("");
        report.add("| round | attacker | legitimate evaluations/s | p50 ms | p99 ms | max ms | errors | attacker requests/s | of them 429 | attacker p99 ms |");
        report.add("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        try (ServiceProcess node = ServiceProcess.start(ServiceProcess.JAR.toAbsolutePath(), Path.of("rules").toAbsolutePath(),
                database, "2g", work.resolve("node.log"))) {
            List<byte[]> legitimate = catalog.seed(node, dbPort);
            for (int round = 1; round <= rounds; round++) {
                measure(node.port, legitimate, round, false);
                measure(node.port, legitimate, round, true);
            }
        }
        String text = String.join("\n", report) + "\n";
        System.out.println(text);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/fraud.md"), text);
    }

    private void measure(int port, List<byte[]> legitimate, int round, boolean attacked) throws InterruptedException {
        LoadRun.Result[] attack = new LoadRun.Result[1];
        AtomicLong attempts = new AtomicLong();
        Thread attacker = null;
        if (attacked) {
            // A new IP per measurement, so that each one starts with the attacker's first 20 guesses going through.
            String ip = "198.51.100." + (10 + round);
            attacker = new Thread(() -> {
                try {
                    attack[0] = LoadRun.run(port, worker -> {
                        attempts.incrementAndGet();
                        return Http1Connection.post("localhost", port, "/api/v1/evaluate", ServiceProcess.CHECKOUT_KEY, """
                                {"cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "X", "quantity": 1, "unitPrice": "10.00"}]},
                                 "codes": ["%s"], "context": {"ip": "%s"}}""".formatted("G" + UUID.randomUUID(), ip));
                    }, 429, 1, warmup, duration, phase -> { });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "attacker");
            attacker.start();
        }
        LoadRun.Result result = LoadRun.run(port, legitimate, workers, warmup, duration, phase -> { });
        if (attacker != null) attacker.join();
        String attackCells = attack[0] == null ? "| | | |" : String.format("| %.0f | %,d of %,d | %.2f |", attack[0].perSecond(),
                attack[0].latencies().length, attack[0].latencies().length + attack[0].errors(), attack[0].percentileMillis(99));
        report.add(String.format("| %d | %s | %.0f | %.1f | %.1f | %.1f | %d %s", round, attacked ? "yes" : "no", result.perSecond(),
                result.percentileMillis(50), result.percentileMillis(99), result.maxMillis(), result.errors(), attackCells));
        System.out.println(report.get(report.size() - 1));
    }
}

package kupon.bench;

import kupon.support.ServiceProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code make bench-analytics}. 1. Analytics latency: 1,000,000 orders over 1,000 promotions and 90 days written straight
 * into the ledger, the rollups rebuilt from it (timed), then each analytics call answered 100 times in a row: p50, p95,
 * max against the 300 ms p95 target. 2. What checkout counting costs: committed orders with a code and evaluations per
 * second on a node with analytics counting and on one without ({@code KUPON_ANALYTICS_COUNTING=false}), alternating,
 * against the targets ≥ 0.9 (orders) and ≥ 0.95 (evaluations). Results in target/bench/analytics.md.
 *
 * <p>Settings: {@code bench.orders} (1,000,000), {@code bench.workers} (8), {@code bench.duration} (15 s per load
 * measurement), {@code bench.rounds} (2).
 */
public final class AnalyticsBenchmark {

    private final int orders = Integer.getInteger("bench.orders", 1_000_000);
    private final int workers = Integer.getInteger("bench.workers", 8);
    private final long duration = Long.getLong("bench.duration", 15) * 1000;
    private final int rounds = Integer.getInteger("bench.rounds", 2);
    private final boolean counting = !"false".equals(System.getProperty("bench.counting"));
    private final List<String> report = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        new AnalyticsBenchmark().run();
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("kupon-bench-analytics-");
        int dbPort = ServiceProcess.freePort();
        Map<String, String> database = Map.of("KUPON_EMBEDDED_DB_DIR", work.resolve("postgres").toString(),
                "KUPON_EMBEDDED_DB_PORT", Integer.toString(dbPort));
        report.addAll(CpuMeter.header("2g"));
        try (ServiceProcess node = ServiceProcess.start(ServiceProcess.JAR.toAbsolutePath(), Path.of("rules").toAbsolutePath(),
                database, "2g", work.resolve("node.log"))) {
            long seeding = System.nanoTime();
            seedLedger(dbPort, orders);
            double seeded = (System.nanoTime() - seeding) / 1e9;
            long rebuilding = System.nanoTime();
            String rebuilt = node.expectOk("POST", "/api/v1/analytics/rebuild", ServiceProcess.ADMIN_KEY, null);
            double rebuild = (System.nanoTime() - rebuilding) / 1e9;
            report.add("");
            report.add(String.format(Locale.ROOT, "### Analytics calls with %,d orders over 1,000 promotions and 90 days", orders));
            report.add("");
            report.add(String.format(Locale.ROOT, "Ledger written in %.1f s; rollups rebuilt from it in %.1f s (%s).", seeded, rebuild, rebuilt));
            report.add("");
            report.add("| call | p50 ms | p95 ms | max ms | target p95 |");
            report.add("|---|---:|---:|---:|---|");
            String from = LocalDate.now(ZoneOffset.UTC).minusDays(90).toString();
            for (String call : List.of(
                    "/api/v1/analytics/promotions?from=" + from,
                    "/api/v1/analytics/promotions?from=" + from + "&after=p-500&limit=200",
                    "/api/v1/analytics/promotions?from=" + from + "&format=csv",
                    "/api/v1/analytics/promotions/p-1?from=" + from + "&interval=day",
                    "/api/v1/analytics/promotions/p-7?from=" + from + "&interval=week&timeZone=America/New_York",
                    "/api/v1/analytics/codes/SEED10?from=" + from,
                    "/api/v1/analytics/campaigns/camp-3?from=" + from + "&interval=month&timeZone=Asia/Kolkata",
                    "/api/v1/analytics/channels?from=" + from,
                    "/api/v1/analytics/channels?from=" + from + "&timeZone=America/New_York",
                    "/api/v1/analytics/compare?from=" + from + "&promotions=p-1,p-2,p-3,p-4,p-5,p-6,p-7,p-8,p-9,p-10")) {
                for (int i = 0; i < 10; i++) node.expectOk("GET", call, ServiceProcess.MARKETER_KEY, null);
                report.add(latency(node.port, call));
            }
        }
        if (counting) countingCost(work, database, dbPort);
        String text = String.join("\n", report) + "\n";
        System.out.println(text);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/analytics.md"), text);
    }

    /** The ledger as orders would have written it: one line each, one promotion each, a code on every tenth. */
    static void seedLedger(int dbPort, int orders) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "postgres");
             Statement s = db.createStatement()) {
            s.executeUpdate("""
                    INSERT INTO orders (order_id, request_hash, status, customer_id, email, ip, channel, source, campaign, currency,
                                        subtotal, discount_total, shipping, shipping_discount, tax, total, rule_set_version, response,
                                        placed_at, cancelled_at)
                    SELECT 'seed-' || g, 'seed', CASE WHEN g % 20 = 0 THEN 'CANCELLED' ELSE 'PLACED' END, 'c-' || (g % 200000), NULL,
                           NULL, (ARRAY['web', 'app', 'pos'])[1 + g % 3], (ARRAY['newsletter', 'ads', 'direct', 'social'])[1 + g % 4],
                           'camp-' || (g % 50), 'USD', 100, 10, 0, 0, 0, 90, 1,
                           '{"applied": [{"promotionId": "p-' || (g % 1000) || '", "code": '
                               || CASE WHEN g % 10 = 0 THEN '"SEED' || (g % 1000) || '"' ELSE 'null' END || ', "amount": 10.00}]}',
                           now() - (g % 129600) * interval '1 minute', CASE WHEN g % 20 = 0 THEN now() END
                      FROM generate_series(1, ORDERS) g""".replace("ORDERS", Integer.toString(orders)));
            s.executeUpdate("""
                    INSERT INTO order_line (order_id, line_id, sku, quantity, unit_price, unit_cost, subtotal, discount, total)
                    SELECT 'seed-' || g, 'l1', 'SKU-' || (g % 500), 1, 100, 60, 100, 10, 90 FROM generate_series(1, ORDERS) g""".replace("ORDERS", Integer.toString(orders)));
            s.executeUpdate("""
                    INSERT INTO order_promotion (order_id, promotion_id, code, target, amount, line_ids, line_amounts)
                    SELECT 'seed-' || g, 'p-' || (g % 1000), CASE WHEN g % 10 = 0 THEN 'SEED' || (g % 1000) END, 'ITEMS', 10,
                           '{l1}', '{10}' FROM generate_series(1, ORDERS) g""".replace("ORDERS", Integer.toString(orders)));
            // An experiment on p-1: 20,000 exposed shoppers, one in ten held out, and its orders' groups.
            s.executeUpdate("""
                    INSERT INTO analytics_exposure (promotion_id, customer_key, held_out, first_exposed_at)
                    SELECT 'p-1', 'id:c-' || g, g % 10 = 0, now() - interval '91 days' FROM generate_series(1, 20000) g""");
            s.executeUpdate("""
                    INSERT INTO order_experiment (order_id, promotion_id, customer_key, held_out)
                    SELECT order_id, 'p-1', 'id:' || customer_id, false FROM orders WHERE order_id IN
                        (SELECT order_id FROM order_promotion WHERE promotion_id = 'p-1')""");
            s.executeUpdate("ANALYZE");
        }
    }

    private String latency(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + ServiceProcess.MARKETER_KEY).GET().build();
        for (int i = 0; i < 10; i++) http.send(request, HttpResponse.BodyHandlers.discarding());
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - started;
            if (response.statusCode() != 200) throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "| `%s` | %.1f | %.1f | %.1f | ≤ 300 ms |", path.replaceFirst("from=[0-9-]+&?", ""),
                nanos[49] / 1e6, nanos[94] / 1e6, nanos[99] / 1e6);
    }

    /** Nodes with and without counting, one at a time on the same database, alternating. */
    private void countingCost(Path work, Map<String, String> database, int dbPort) throws Exception {
        report.add("");
        report.add("### What analytics counting costs checkout (" + workers + " workers, " + duration / 1000 + " s per measurement)");
        report.add("");
        report.add("| round | counting | orders/s with a code | orders p99 ms | evaluations/s with a code | evaluations p99 ms |");
        report.add("|---:|---|---:|---:|---:|---:|");
        BenchCatalog catalog = new BenchCatalog(1000);
        Map<Boolean, List<Double>> orderRates = new HashMap<>(), evaluationRates = new HashMap<>();
        boolean seeded = false;
        List<byte[]> carts = null;
        for (int round = 1; round <= rounds; round++) {
            for (boolean counting : List.of(true, false)) {
                Map<String, String> env = new HashMap<>(database);
                env.put("KUPON_ANALYTICS_COUNTING", Boolean.toString(counting));
                try (ServiceProcess node = ServiceProcess.start(ServiceProcess.JAR.toAbsolutePath(), Path.of("rules").toAbsolutePath(),
                        env, "2g", work.resolve("node-" + round + "-" + counting + ".log"))) {
                    if (!seeded) {
                        carts = catalog.seed(node, dbPort);
                        seeded = true;
                    } else {
                        carts = catalog.carts(500, 42).stream().map(cart -> Http1Connection.post("localhost", node.port,
                                "/api/v1/evaluate", ServiceProcess.CHECKOUT_KEY, cart)).toList();
                    }
                    LoadRun.Result evaluations = LoadRun.run(node.port, carts, workers, 5_000, duration, phase -> { });
                    AtomicInteger next = new AtomicInteger();
                    LoadRun.Result placed = LoadRun.run(node.port, worker -> Http1Connection.post("localhost", node.port, "/api/v1/orders",
                            ServiceProcess.CHECKOUT_KEY, OrdersBenchmark.cart(BenchCatalog.CODE, "bench-" + UUID.randomUUID())),
                            201, workers, 5_000, duration, phase -> next.incrementAndGet());
                    orderRates.computeIfAbsent(counting, k -> new ArrayList<>()).add(placed.perSecond());
                    evaluationRates.computeIfAbsent(counting, k -> new ArrayList<>()).add(evaluations.perSecond());
                    report.add(String.format(Locale.ROOT, "| %d | %s | %.0f | %.1f | %.0f | %.1f |", round, counting ? "on" : "off",
                            placed.perSecond(), placed.percentileMillis(99), evaluations.perSecond(), evaluations.percentileMillis(99)));
                }
            }
        }
        report.add("");
        report.add(String.format(Locale.ROOT, "Ratio with counting over without: orders **%.2f** (target ≥ 0.9), evaluations **%.2f** (target ≥ 0.95).",
                mean(orderRates.get(true)) / mean(orderRates.get(false)), mean(evaluationRates.get(true)) / mean(evaluationRates.get(false))));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}

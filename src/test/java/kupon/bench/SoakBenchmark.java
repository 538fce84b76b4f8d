package kupon.bench;

import kupon.support.ServiceProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code make bench-soak}: a long mixed load on one node: evaluations (half with a code), orders with and without
 * codes and limits, cancels of some of them, a code batch every minute, and a promotion changed every 10 s. It reports
 * errors (the target is none), latencies per kind, heap after a full GC and the database connections at the start and
 * at the end (they must not grow), and the consistency check of every counter against the ledger at the end.
 * {@code bench.soakMinutes} (10) sets the length. Results go to {@code target/bench/soak.md}.
 */
public final class SoakBenchmark {

    private static final long MINUTES = Long.getLong("bench.soakMinutes", 10);
    private static final String HEAP = System.getProperty("bench.heap", "1g");
    private static final Pattern CONSISTENT = Pattern.compile("\"consistent\":(true|false)");

    private final Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        new SoakBenchmark().run();
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("kupon-bench-soak-");
        int dbPort = ServiceProcess.freePort();
        Map<String, String> database = Map.of("KUPON_EMBEDDED_DB_DIR", work.resolve("postgres").toString(),
                "KUPON_EMBEDDED_DB_PORT", Integer.toString(dbPort));
        List<String> report = new ArrayList<>(CpuMeter.header(HEAP));
        try (ServiceProcess node = ServiceProcess.start(jar, Path.of("rules").toAbsolutePath(), database, HEAP, work.resolve("node.log"))) {
            node.expectOk("POST", "/api/v1/promotions", ServiceProcess.MARKETER_KEY, """
                    {"id": "soak-code", "name": "Ten off with a code", "trigger": "CODE",
                     "limits": {"perCustomer": 3, "budget": "100000000.00"},
                     "reward": {"type": "AMOUNT_OFF", "value": "10.00", "target": "ORDER"}}""");
            node.expectOk("POST", "/api/v1/promotions/soak-code/codes", ServiceProcess.MARKETER_KEY, "{\"code\": \"SOAK10\"}");
            node.expectOk("POST", "/api/v1/promotions", ServiceProcess.MARKETER_KEY, """
                    {"id": "soak-mugs", "name": "15% off mugs", "limits": {"perDay": 100000000},
                     "selector": {"skus": ["MUG"]},
                     "reward": {"type": "PERCENT_OFF", "value": "15", "target": "ITEMS", "items": {"skus": ["MUG"]}}}""");
            String startHeap = mb(node.heapUsedAfterGc());
            int startConnections = connections(dbPort);

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sequence = new AtomicInteger();
            ConcurrentLinkedQueue<String> placed = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int worker = w;
                threads.add(thread(() -> {
                    while (running.get()) {
                        int n = sequence.incrementAndGet();
                        String customer = "soak-" + (n % 5_000);
                        String code = n % 2 == 0 ? "[\"SOAK10\"]" : "[]";
                        String cart = """
                                {"customer": {"id": "%s"}, "codes": %s, "cart": {"currency": "USD", "lines": [
                                  {"id": "l1", "sku": "MUG", "quantity": %d, "unitPrice": "12.50", "categories": ["kitchen"]},
                                  {"id": "l2", "sku": "TEA", "quantity": 1, "unitPrice": "40.00", "categories": ["electronics"]}]}}"""
                                .formatted(customer, code, 1 + n % 4);
                        if (worker < 2) {
                            call(node, "evaluate", "POST", "/api/v1/evaluate", ServiceProcess.CHECKOUT_KEY, cart, 200);
                        } else {
                            String orderId = "soak-" + UUID.randomUUID();
                            String order = cart.replaceFirst("\\{", "{\"orderId\": \"" + orderId + "\", ");
                            HttpResponse<String> answer = call(node, "order", "POST", "/api/v1/orders", ServiceProcess.CHECKOUT_KEY, order, -1);
                            if (answer != null && answer.statusCode() == 201) {
                                placed.add(orderId);
                                if (n % 10 == 0) {
                                    call(node, "cancel", "POST", "/api/v1/orders/" + orderId + "/cancel", ServiceProcess.CHECKOUT_KEY, null, 200);
                                }
                            } else if (answer != null && answer.statusCode() != 409) {
                                error("order", answer.statusCode() + " " + answer.body());
                            }
                        }
                    }
                }));
            }
            AtomicInteger changes = new AtomicInteger();
            AtomicInteger batches = new AtomicInteger();
            threads.add(thread(() -> {
                long tick = 0;
                while (running.get()) {
                    ServiceProcess.sleep(10_000);
                    tick++;
                    String status = tick % 2 == 0 ? "ACTIVE" : "INACTIVE";
                    call(node, "promotion change", "POST", "/api/v1/promotions/soak-mugs/" + (status.equals("ACTIVE") ? "activate" : "deactivate"),
                            ServiceProcess.MARKETER_KEY, null, 200);
                    changes.incrementAndGet();
                    if (tick % 6 == 0) {
                        call(node, "code batch", "POST", "/api/v1/promotions/soak-code/code-batches", ServiceProcess.MARKETER_KEY,
                                "{\"count\": 20000, \"pattern\": \"SK-########\"}", 202);
                        batches.incrementAndGet();
                    }
                }
            }));
            ServiceProcess.sleep(MINUTES * 60_000);
            running.set(false);
            for (Thread thread : threads) thread.join();
            ServiceProcess.sleep(2_000);

            String endHeap = mb(node.heapUsedAfterGc());
            int endConnections = connections(dbPort);
            String consistency = node.expectOk("GET", "/api/v1/ops/consistency", ServiceProcess.ADMIN_KEY, null);
            Matcher consistent = CONSISTENT.matcher(consistency);

            report.add("");
            report.add(String.format("### A %d-minute soak: 2 workers evaluating, 2 placing orders (a tenth cancelled), a promotion "
                    + "change every 10 s (%d), a 20,000-code batch every minute (%d)", MINUTES, changes.get(), batches.get()));
            report.add("");
            report.add("| Kind | Requests | Errors | p50 ms | p99 ms | max ms |");
            report.add("|---|---:|---:|---:|---:|---:|");
            for (String kind : List.of("evaluate", "order", "cancel", "promotion change", "code batch")) {
                long[] sorted = latencies.getOrDefault(kind, new ConcurrentLinkedQueue<>()).stream().mapToLong(Long::longValue).sorted().toArray();
                report.add(String.format("| %s | %,d | %d | %.1f | %.1f | %.1f |", kind, sorted.length,
                        errors.getOrDefault(kind, new AtomicLong()).get(), percentile(sorted, 50), percentile(sorted, 99),
                        sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6));
            }
            report.add("");
            report.add("| | Start | End |");
            report.add("|---|---:|---:|");
            report.add("| Heap after a full GC | " + startHeap + " | " + endHeap + " |");
            report.add("| Connections to PostgreSQL | " + startConnections + " | " + endConnections + " |");
            report.add("");
            report.add("Orders placed: " + placed.size() + ". Counters against the ledger at the end: "
                    + (consistent.find() && consistent.group(1).equals("true") ? "consistent, no difference" : "DIFFERENCES: " + consistency));
            if (!firstErrors.isEmpty()) report.add("First errors: " + String.join("; ", firstErrors.stream().limit(5).toList()));
        }
        String text = String.join("\n", report) + "\n";
        System.out.println(text);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/soak.md"), text);
    }

    private HttpResponse<String> call(ServiceProcess node, String kind, String method, String path, String key, String body, int expected) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> answer = node.send(method, path, key, body);
            latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - started);
            if (expected > 0 && answer.statusCode() != expected) error(kind, answer.statusCode() + " " + answer.body());
            return answer;
        } catch (IOException e) {
            error(kind, e.toString());
            return null;
        }
    }

    private void error(String kind, String what) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        if (firstErrors.size() < 5) firstErrors.add(kind + ": " + what.substring(0, Math.min(200, what.length())));
    }

    private static Thread thread(Runnable body) {
        Thread thread = new Thread(body);
        thread.start();
        return thread;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    private static String mb(long bytes) {
        return (bytes / 1_000_000) + " MB";
    }

    /** Connections to the node's database other than this one. */
    private static int connections(int dbPort) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "postgres");
             Statement query = db.createStatement();
             ResultSet row = query.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }
}

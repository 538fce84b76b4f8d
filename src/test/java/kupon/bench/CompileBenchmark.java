package kupon.bench;

import kupon.support.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code make bench-compile}: checkout while the largest rule files Kupon accepts compile. With 1,000 JSON promotions
 * and 4 workers evaluating back to back, on an empty rules folder, it uploads (1) a DRL file of 1,000 rules (the most a
 * rule set may hold), then removes it, and (2) a CSV decision table of 1,000 rows (the most a table may have), each during
 * its own measured period, and reports
 * evaluate latencies over that period, how long the upload took (the compile and the switch), and the most heap in
 * use, sampled every 200 ms from /q/metrics, against the heap maximum. Results go to {@code target/bench/compile.md}.
 */
public final class CompileBenchmark {

    private static final int PROMOTIONS = Integer.getInteger("bench.promotions", 1000);
    private static final String HEAP = System.getProperty("bench.heap", "2g");
    private static final int WORKERS = Integer.getInteger("bench.workers", 4);
    private static final Pattern HEAP_USED = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)");
    private static final Pattern HEAP_MAX = Pattern.compile("(?m)^jvm_memory_max_bytes\\{area=\"heap\"[^}]*} ([0-9.E+-]+)");

    private final Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        new CompileBenchmark().run();
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("kupon-bench-compile-");
        int dbPort = ServiceProcess.freePort();
        Map<String, String> database = Map.of("KUPON_EMBEDDED_DB_DIR", work.resolve("postgres").toString(),
                "KUPON_EMBEDDED_DB_PORT", Integer.toString(dbPort));
        BenchCatalog catalog = new BenchCatalog(PROMOTIONS);
        List<String> report = new ArrayList<>(CpuMeter.header(HEAP));
        report.add("");
        report.add("### Evaluations while the largest accepted rule files compile (" + PROMOTIONS + " promotions, "
                + WORKERS + " workers back to back)");
        report.add("");
        report.add("| Upload | Upload answered in | Evaluations | evaluations/s | failed | p50 ms | p99 ms | p99.9 ms | max ms | Most heap in use / maximum |");
        report.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        // An empty rules folder: the uploads are the whole rule set, so each is as large as a rule set may be.
        Path rules = Files.createDirectories(work.resolve("rules"));
        try (ServiceProcess node = ServiceProcess.start(jar, rules, database, HEAP, work.resolve("node.log"))) {
            BenchCatalog.insertPromotions(dbPort, catalog.automaticPromotions());
            node.expectOk("POST", "/api/v1/rulesets/reload", ServiceProcess.ADMIN_KEY, null);
            List<byte[]> requests = catalog.carts(500, 42).stream()
                    .map(cart -> Http1Connection.post("localhost", node.port, "/api/v1/evaluate", ServiceProcess.CHECKOUT_KEY, cart)).toList();
            report.add(measure(node, requests, "DRL, 1,000 rules (admin)", "big-rules.drl", ServiceProcess.ADMIN_KEY, bigDrl(1_000), 15_000));
            node.expectOk("DELETE", "/api/v1/rulesets/files/big-rules.drl", ServiceProcess.ADMIN_KEY, null);
            // 1,000 rows in all: the table's nine header rows and 991 rules.
            report.add(measure(node, requests, "CSV decision table, 1,000 rows (marketer)", "big-table.csv", ServiceProcess.MARKETER_KEY,
                    bigTable(991), 5_000));
        }
        String text = String.join("\n", report) + "\n";
        System.out.println(text);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/compile.md"), text);
    }

    /** One measured period of 100 s with the upload sent 2 s into it (a compile under full load takes tens of seconds). */
    private String measure(ServiceProcess node, List<byte[]> requests, String what, String name, String key, String content,
                           long warmupMillis) throws Exception {
        AtomicLong uploadMillis = new AtomicLong(-1);
        String[] uploadAnswer = {""};
        AtomicLong mostHeap = new AtomicLong();
        AtomicLong maxHeap = new AtomicLong();
        Thread[] threads = new Thread[2];
        LoadRun.Result result = LoadRun.run(node.port, requests, WORKERS, warmupMillis, 100_000, measuring -> {
            if (!measuring) {
                for (Thread t : threads) if (t != null) t.interrupt();
                return;
            }
            threads[0] = daemon(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        String metrics = node.get("/q/metrics", null).body();
                        mostHeap.accumulateAndGet(sum(HEAP_USED, metrics), Math::max);
                        maxHeap.set(sum(HEAP_MAX, metrics));
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    } catch (IOException ignored) {
                        // the next sample
                    }
                }
            });
            threads[1] = daemon(() -> {
                try {
                    Thread.sleep(2_000);
                    long t = System.nanoTime();
                    HttpResponse<String> answer = upload(node, key, name, content);
                    uploadMillis.set((System.nanoTime() - t) / 1_000_000);
                    uploadAnswer[0] = answer.statusCode() + " " + answer.body().substring(0, Math.min(200, answer.body().length()));
                } catch (Exception e) {
                    uploadAnswer[0] = "failed: " + e;
                }
            });
        });
        System.out.println(what + ": upload answered " + uploadAnswer[0]);
        return String.format("| %s | %.1f s (%s) | %,d | %.0f | %d | %.1f | %.1f | %.1f | %.1f | %d MB / %d MB |", what,
                uploadMillis.get() / 1000.0, uploadAnswer[0].split(" ")[0], result.latencies().length, result.perSecond(),
                result.errors(), result.percentileMillis(50), result.percentileMillis(99), result.percentileMillis(99.9),
                result.maxMillis(), mostHeap.get() / 1_000_000, maxHeap.get() / 1_000_000);
    }

    private static Thread daemon(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static long sum(Pattern metric, String metrics) {
        Matcher m = metric.matcher(metrics);
        double total = 0;
        while (m.find()) {
            double value = Double.parseDouble(m.group(1));
            if (value > 0) total += value;
        }
        return (long) total;
    }

    private HttpResponse<String> upload(ServiceProcess node, String key, String name, String content) throws Exception {
        String boundary = "kupon-bench-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node.port + "/api/v1/rulesets"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Rules like the shipped electronics-10.drl, each for its own category. */
    static String bigDrl(int rules) {
        StringBuilder drl = new StringBuilder("package kupon.rules.big;\nimport kupon.rules.model.Line;\nglobal kupon.rules.api.Actions actions;\n");
        for (int i = 0; i < rules; i++) {
            drl.append("rule \"big-").append(i).append(": 10% off category ").append(i).append("\"\nwhen\n")
                    .append("    $line : Line( categories contains \"big-cat-").append(i).append("\", onSale == false )\nthen\n")
                    .append("    actions.promotion(\"big-").append(i).append("\").name(\"10% off ").append(i)
                    .append("\").priority(100).percentOffItems(10).onLine($line);\nend\n");
        }
        return drl.toString();
    }

    /** A table like the shipped segment-grid.csv, one row per category. */
    static String bigTable(int rows) {
        StringBuilder csv = new StringBuilder("""
                RuleSet,kupon.rules.tables.big_table
                Import,kupon.rules.model.*
                Variables,kupon.rules.api.Actions actions

                RuleTable Big
                NAME,CONDITION,CONDITION,ACTION,ACTION,ACTION,ACTION
                ,$line : Line...,$line : Line...,,,,
                """);
        csv.append(",\"categories contains \"\"$param\"\"\",onSale == $param,\"actions.promotion(\"\"$param\"\")\",")
                .append("\".name(\"\"$param\"\")\",.priority($param),.percentOffItems($param).onLine($line);\n");
        csv.append("Rule,Category,On sale,Promotion id,Shown to shoppers as,Priority,% off\n");
        for (int i = 0; i < rows; i++) {
            csv.append("row-").append(i).append(": 5% off table category ").append(i).append(",table-cat-").append(i)
                    .append(",false,table-").append(i).append(",5% off ").append(i).append(",80,5\n");
        }
        return csv.toString();
    }
}

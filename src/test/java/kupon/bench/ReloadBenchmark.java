package kupon.bench;

import kupon.support.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code make bench-reload}: rule changes under continuous evaluation load, and start-up time. With 1,000
 * promotions and 4 workers evaluating without pause it (1) changes all 1,000 promotions at once (the node
 * re-reads and re-indexes every one), (2) edits a DRL file in the rules folder (a full recompile in the
 * background) and (3) reloads with nothing changed, and reports failed requests and the slowest
 * evaluations over that period. Then it restarts the node on the same database: once with the compiled
 * rule module cached in the database, once with the cache emptied. Results go to {@code target/bench/reload.md}.
 */
public final class ReloadBenchmark {

    private static final int PROMOTIONS = Integer.getInteger("bench.promotions", 1000);

    private final Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    private final List<String> report = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new ReloadBenchmark().run();
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("kupon-bench-reload-");
        Path rules = work.resolve("rules");
        copy(Path.of("rules"), rules);
        int dbPort = ServiceProcess.freePort();
        Map<String, String> database = Map.of("KUPON_EMBEDDED_DB_DIR", work.resolve("postgres").toString(),
                "KUPON_EMBEDDED_DB_PORT", Integer.toString(dbPort));
        BenchCatalog catalog = new BenchCatalog(PROMOTIONS);
        report.addAll(CpuMeter.header("2g"));
        try (ServiceProcess node = ServiceProcess.start(jar, rules, database, "2g", work.resolve("node-1.log"))) {
            List<byte[]> requests = catalog.seed(node, dbPort);

            List<String> events = new ArrayList<>();
            Path drl = rules.resolve("catalog/electronics-10.drl");
            LoadRun.Result result = LoadRun.run(node.port, requests, 4, 15_000, 40_000, measuring -> {
                if (!measuring) return;
                Thread changes = new Thread(() -> {
                    try {
                        ServiceProcess.sleep(5_000);
                        long t = System.nanoTime();
                        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "postgres");
                             Statement statement = db.createStatement()) {
                            statement.executeUpdate("UPDATE promotion SET updated_at = now() WHERE id <> '" + BenchCatalog.CODE_PROMOTION_ID + "'");
                            statement.executeUpdate("UPDATE catalog_revision SET revision = revision + 1");
                            statement.execute("SELECT pg_notify('kupon_rules', 'bench')");
                        }
                        events.add(String.format("all %,d promotions changed at once (sent at +%.1f s)", PROMOTIONS, 5.0));
                        ServiceProcess.sleep(10_000);
                        Files.writeString(drl, Files.readString(drl).replace("percentOffItems(10)", "percentOffItems(11)"));
                        events.add("a DRL file edited in the rules folder, recompiled in the background (at +15 s)");
                        ServiceProcess.sleep(10_000);
                        node.expectOk("POST", "/api/v1/rulesets/reload", ServiceProcess.ADMIN_KEY, null);
                        events.add("POST /api/v1/rulesets/reload with nothing changed (at +25 s)");
                    } catch (Exception e) {
                        events.add("change failed: " + e);
                    }
                }, "changes");
                changes.setDaemon(true);
                changes.start();
            });
            report.add("");
            report.add("### Evaluations while the rule set changes (" + PROMOTIONS + " promotions, 4 workers, 40 s)");
            report.add("");
            events.forEach(e -> report.add("- " + e));
            report.add("");
            report.add("| evaluations | evaluations/s | failed | p50 ms | p99 ms | p99.9 ms | max ms | slower than 100 ms |");
            report.add("|---:|---:|---:|---:|---:|---:|---:|---:|");
            long slow = java.util.Arrays.stream(result.latencies()).filter(l -> l > 100_000_000L).count();
            report.add(String.format("| %,d | %.0f | %d | %.1f | %.1f | %.1f | %.1f | %d |", result.latencies().length, result.perSecond(),
                    result.errors(), result.percentileMillis(50), result.percentileMillis(99), result.percentileMillis(99.9),
                    result.maxMillis(), slow));
            report.add("");
            report.add("Builds logged: " + node.builds());
        }

        report.add("");
        report.add("### Start-up with " + PROMOTIONS + " promotions (process start until ready)");
        report.add("");
        report.add("| | seconds |");
        report.add("|---|---:|");
        long started = System.nanoTime();
        try (ServiceProcess node = ServiceProcess.start(jar, rules, database, "2g", work.resolve("node-2.log"));
             Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "postgres");
             Statement statement = db.createStatement()) {
            report.add(String.format("| compiled rule module cached in the database | %.1f |", (System.nanoTime() - started) / 1e9));
            statement.executeUpdate("DELETE FROM compiled_rule_set");
        }
        started = System.nanoTime();
        try (ServiceProcess node = ServiceProcess.start(jar, rules, database, "2g", work.resolve("node-3.log"))) {
            report.add(String.format("| cache emptied: rule files compiled at start | %.1f |", (System.nanoTime() - started) / 1e9));
        }
        String text = String.join("\n", report) + "\n";
        System.out.println(text);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/reload.md"), text);
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) Files.createDirectories(target);
                else Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}

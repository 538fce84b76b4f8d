package kupon.bench;

import kupon.support.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kupon.promotions.Promotion;
import kupon.promotions.PromotionJson;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code make bench}: evaluate throughput and latency over HTTP with 100, 1,000 and 10,000 active JSON
 * promotions, how long a rule set takes to build, the heap it needs, and how quickly a promotion change is
 * live on the node that took it and on a second node sharing the database.
 *
 * <p>For each size it starts the packaged service ({@code java -Xmx2g -jar target/quarkus-app/quarkus-run.jar})
 * as its own process on a fresh embedded PostgreSQL, seeds the promotions (through the API up to
 * {@code bench.apiSeedMax}, above that straight into the {@code promotion} table followed by
 * {@code POST /api/v1/rulesets/reload}), adds a CODE promotion and its code through the API, warms up, measures,
 * then starts a second node on the same database for the change test, and stops both. The figures are printed
 * as Markdown and written to {@code target/bench/}.
 *
 * <p>Settings (system properties): {@code bench.sizes} (100,1000,10000), {@code bench.workers} (4,8; a comma list
 * runs each), {@code bench.warmup} and {@code bench.duration} (seconds, 20 and 30), {@code bench.apiSeedMax}
 * (1000), {@code bench.changes} (9), {@code bench.secondNode} (true), {@code bench.heap} (2g),
 * {@code bench.rules} (the rules/ folder shipped with Kupon), {@code bench.quietWait} (300) and
 * {@code bench.quietBusy} (20: before each measurement, wait up to that many seconds for the machine to be at most
 * that % busy with other work), {@code bench.jfr} (false; true records a Flight Recorder
 * profile of the service during each measured load and during the change test, in {@code target/bench/*.jfr}).
 */
public final class EvaluateBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROBE_CATEGORY = 10; // a PERCENT_OFF promotion in every size
    private static final int CARTS = 500;

    private final Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    private final Path rules = Path.of(System.getProperty("bench.rules", "rules")).toAbsolutePath();
    private final List<Integer> sizes = ints(System.getProperty("bench.sizes", "100,1000,10000"));
    private final List<Integer> workers = ints(System.getProperty("bench.workers", "4,8"));
    private final long warmupMillis = Long.getLong("bench.warmup", 20) * 1000;
    private final long measureMillis = Long.getLong("bench.duration", 30) * 1000;
    private final int apiSeedMax = Integer.getInteger("bench.apiSeedMax", 1000);
    private final int changes = Integer.getInteger("bench.changes", 9);
    private final boolean secondNode = Boolean.parseBoolean(System.getProperty("bench.secondNode", "true"));
    private final String heap = System.getProperty("bench.heap", "2g");
    private final boolean jfr = Boolean.getBoolean("bench.jfr");
    private final long quietWaitSeconds = Long.getLong("bench.quietWait", 300);
    private final double quietBusyPercent = Double.parseDouble(System.getProperty("bench.quietBusy", "20"));

    /** Everything measured for one promotion count. */
    private static final class SizeResult {
        int size;
        String seededThrough;
        String seeding;
        long buildMillis;
        long lastWriteToLiveMillis;
        long heapSeeded;
        long heapAfterLoad;
        double appliedPerCart;
        List<LoadLine> loads = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Long secondNodeStartBuildMillis;
        List<Double> changeBuilds = List.of();
        List<Double> otherChangeBuilds = List.of();
    }

    private record LoadLine(LoadRun.Result result, double serverMeanMillis, String loadBefore, CpuMeter.Shares cpu) {
    }

    private record Change(String kind, double writeMillis, double liveHereMillis, Double liveSecondNodeMillis) {
    }

    public static void main(String[] args) throws Exception {
        new EvaluateBenchmark().run();
    }

    private void run() throws Exception {
        if (!Files.exists(jar)) throw new IllegalStateException(jar + " is missing: run `mvn package` (make bench does)");
        String machine = CpuMeter.header(heap).get(0) + System.lineSeparator();
        System.out.println(machine);
        List<SizeResult> results = new ArrayList<>();
        for (int size : sizes) {
            results.add(measure(size));
        }
        String report = "## Kupon benchmark, " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + "\n\n"
                + machine + "\n" + settings() + "\n" + tables(results);
        Path out = Path.of("target/bench");
        Files.createDirectories(out);
        Path file = out.resolve("results-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, report);
        System.out.println();
        System.out.println(report);
        System.out.println("Written to " + file);
    }

    private SizeResult measure(int size) throws Exception {
        SizeResult r = new SizeResult();
        r.size = size;
        BenchCatalog catalog = new BenchCatalog(size);
        Path work = Files.createTempDirectory("kupon-bench-" + size + "-");
        int dbPort = ServiceProcess.freePort();
        log("%,d promotions: starting Kupon on a fresh embedded PostgreSQL in %s", size, work);
        try (ServiceProcess node = ServiceProcess.start(jar, rules, Map.of(
                "KUPON_EMBEDDED_DB_DIR", work.resolve("postgres").toString(),
                "KUPON_EMBEDDED_DB_PORT", Integer.toString(dbPort)), heap, work.resolve("node-1.log"))) {

            List<String> promotions = catalog.automaticPromotions();
            if (size <= apiSeedMax) {
                seedThroughApi(node, promotions, r);
            } else {
                seedThroughDatabase(node, dbPort, promotions, r);
            }

            // The last write: the CODE promotion, then its code. Writes return once the change is live.
            long started = System.nanoTime();
            node.expectOk("POST", "/api/v1/promotions", ServiceProcess.MARKETER_KEY, catalog.codePromotion());
            r.lastWriteToLiveMillis = (System.nanoTime() - started) / 1_000_000;
            node.expectOk("POST", "/api/v1/promotions/" + BenchCatalog.CODE_PROMOTION_ID + "/codes", ServiceProcess.MARKETER_KEY,
                    "{\"code\": \"" + BenchCatalog.CODE + "\"}");
            r.buildMillis = node.builds().stream().filter(b -> b.promotions() == size)
                    .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no build of " + size + " promotions logged"))
                    .millis();
            log("  build of %,d promotions: %d ms (log); the last write returned after %d ms", size, r.buildMillis, r.lastWriteToLiveMillis);

            List<String> carts = catalog.carts(CARTS, 20_26L);
            r.appliedPerCart = check(node, carts);
            r.heapSeeded = node.heapUsedAfterGc();
            log("  heap after GC: %s; %.1f promotions applied per cart", mb(r.heapSeeded), r.appliedPerCart);

            List<byte[]> requests = carts.stream()
                    .map(c -> Http1Connection.post("localhost", node.port, "/api/v1/evaluate", ServiceProcess.CHECKOUT_KEY, c)).toList();
            for (int w : workers) {
                awaitQuietMachine(quietWaitSeconds, quietBusyPercent);
                String before = loadAverage();
                log("  load: %d workers, %d s warm-up + %d s measured (load average before: %s)", w, warmupMillis / 1000,
                        measureMillis / 1000, before);
                CpuMeter cpu = new CpuMeter(node.pid(), work.resolve("postgres"));
                double[][] server = new double[2][];
                CpuMeter.Shares[] shares = new CpuMeter.Shares[1];
                LoadRun.Result load = LoadRun.run(node.port, requests, w, warmupMillis, measureMillis, measuring -> {
                    try {
                        if (measuring) {
                            server[0] = serverEvaluations(node);
                            cpu.start();
                            if (jfr) node.jcmd("JFR.start", "name=bench", "settings=default",
                                    "filename=" + Path.of("target/bench/" + size + "-w" + w + ".jfr").toAbsolutePath());
                        } else {
                            shares[0] = cpu.stop();
                            server[1] = serverEvaluations(node);
                            if (jfr) node.jcmd("JFR.stop", "name=bench");
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                double serverMean = (server[1][1] - server[0][1]) / Math.max(1, server[1][0] - server[0][0]) * 1000;
                r.loads.add(new LoadLine(load, serverMean, before, shares[0]));
                log("  %,.0f evaluations/s, p50 %.2f ms, p99 %.2f ms, errors %d%s; CPU service/PostgreSQL/load generator/others: %s",
                        load.perSecond(), load.percentileMillis(50), load.percentileMillis(99), load.errors(),
                        load.firstError() == null ? "" : " (first: " + load.firstError() + ")", shares[0]);
            }
            r.heapAfterLoad = node.heapUsedAfterGc();

            if (secondNode) {
                log("  starting a second node on the same database");
                try (ServiceProcess other = ServiceProcess.start(jar, rules, Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + dbPort + "/postgres",
                        "QUARKUS_DATASOURCE_USERNAME", "postgres",
                        "QUARKUS_DATASOURCE_PASSWORD", "postgres"), heap, work.resolve("node-2.log"))) {
                    r.secondNodeStartBuildMillis = other.builds().stream().filter(b -> b.promotions() == size)
                            .map(ServiceProcess.Build::millis).findFirst().orElse(null);
                    measureChanges(node, other, catalog, r);
                }
            } else {
                measureChanges(node, null, catalog, r);
            }
        } finally {
            Path logs = Files.createDirectories(Path.of("target/bench"));
            for (String name : List.of("node-1.log", "node-2.log")) {
                if (Files.exists(work.resolve(name))) {
                    Files.copy(work.resolve(name), logs.resolve(size + "-" + name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            deleteTree(work);
        }
        return r;
    }

    private void seedThroughApi(ServiceProcess node, List<String> promotions, SizeResult r) throws IOException {
        log("  seeding %,d promotions through POST /api/v1/promotions, one by one", promotions.size());
        long[] writes = new long[promotions.size()];
        long started = System.nanoTime();
        for (int i = 0; i < promotions.size(); i++) {
            long t = System.nanoTime();
            node.expectOk("POST", "/api/v1/promotions", ServiceProcess.MARKETER_KEY, promotions.get(i));
            writes[i] = System.nanoTime() - t;
        }
        double total = (System.nanoTime() - started) / 1e9;
        int tenth = Math.max(1, writes.length / 10);
        double first = Arrays.stream(writes, 0, tenth).average().orElse(0) / 1e6;
        double last = Arrays.stream(writes, writes.length - tenth, writes.length).average().orElse(0) / 1e6;
        r.seededThrough = "API";
        r.seeding = String.format(Locale.ROOT, "%.1f s (%,d POSTs; first tenth %.0f ms each, last tenth %.0f ms each)",
                total, writes.length, first, last);
        log("  seeded in %s", r.seeding);
    }

    private void seedThroughDatabase(ServiceProcess node, int dbPort, List<String> promotions, SizeResult r) throws Exception {
        log("  seeding %,d promotions into the promotion table, then POST /api/v1/rulesets/reload", promotions.size());
        long started = System.nanoTime();
        BenchCatalog.insertPromotions(dbPort, promotions);
        double inserted = (System.nanoTime() - started) / 1e9;
        long reloadStarted = System.nanoTime();
        node.expectOk("POST", "/api/v1/rulesets/reload", ServiceProcess.ADMIN_KEY, null);
        long live = (System.nanoTime() - reloadStarted) / 1_000_000;
        r.seededThrough = "database + reload";
        r.seeding = String.format(Locale.ROOT, "%.1f s insert, then live %,d ms after the commit", inserted, live);
        log("  seeded: %s", r.seeding);
    }

    /** Switches one promotion off, on, and renames it, timing when each change shows in evaluate on both nodes. */
    private void measureChanges(ServiceProcess node, ServiceProcess other, BenchCatalog catalog, SizeResult r) throws Exception {
        String id = BenchCatalog.promotionId(PROBE_CATEGORY);
        String probe = BenchCatalog.probeCart(PROBE_CATEGORY);
        String applied = "\"promotionId\":\"" + id + "\"";
        if (!evaluate(node, probe).contains(applied)) throw new IllegalStateException("the probe cart does not get " + id);
        int buildsBefore = node.builds().size();
        int otherBuildsBefore = other == null ? 0 : other.builds().size();
        if (jfr) node.jcmd("JFR.start", "name=changes", "settings=default",
                "filename=" + Path.of("target/bench/" + r.size + "-changes.jfr").toAbsolutePath());
        for (int n = 0; n < changes; n++) {
            String kind;
            String method;
            String path;
            String body = null;
            Predicate<String> reflects;
            switch (n % 3) {
                case 0 -> {
                    kind = "deactivate";
                    method = "POST";
                    path = "/api/v1/promotions/" + id + "/deactivate";
                    reflects = answer -> !answer.contains(applied);
                }
                case 1 -> {
                    kind = "activate";
                    method = "POST";
                    path = "/api/v1/promotions/" + id + "/activate";
                    reflects = answer -> answer.contains(applied);
                }
                default -> {
                    kind = "PUT";
                    method = "PUT";
                    path = "/api/v1/promotions/" + id;
                    String name = "Renamed " + n;
                    body = catalog.renamed(PROBE_CATEGORY, name);
                    reflects = answer -> answer.contains("\"name\":\"" + name + "\"");
                }
            }
            long started = System.nanoTime();
            CompletableFuture<Double> onOther = other == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.supplyAsync(() -> awaitReflected(other, probe, reflects, started));
            node.expectOk(method, path, ServiceProcess.MARKETER_KEY, body);
            double write = (System.nanoTime() - started) / 1e6;
            double here = awaitReflected(node, probe, reflects, started);
            r.changes.add(new Change(kind, write, here, onOther.get()));
            ServiceProcess.sleep(700);
        }
        if (jfr) node.jcmd("JFR.stop", "name=changes");
        ServiceProcess.sleep(1000); // the second node's last log line
        r.changeBuilds = millis(node.builds(), buildsBefore);
        r.otherChangeBuilds = other == null ? List.of() : millis(other.builds(), otherBuildsBefore);
        log("  changes: %s", r.changes);
    }

    private static List<Double> millis(List<ServiceProcess.Build> builds, int from) {
        return builds.subList(Math.min(from, builds.size()), builds.size()).stream().map(b -> (double) b.millis()).toList();
    }

    private static double awaitReflected(ServiceProcess node, String probe, Predicate<String> reflects, long since) {
        long deadline = since + 60_000_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                if (reflects.test(evaluate(node, probe))) return (System.nanoTime() - since) / 1e6;
                ServiceProcess.sleep(5);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the change did not show within 60 s on the node on port " + node.port);
    }

    /**
     * Other work on the machine (another build, say) skews the figures: wait, up to {@code bench.quietWait}
     * seconds, for a 5-second stretch in which the machine is at most {@code bench.quietBusy}% busy.
     */
    static void awaitQuietMachine(long quietWaitSeconds, double quietBusyPercent) throws IOException {
        long deadline = System.nanoTime() + quietWaitSeconds * 1_000_000_000L;
        double busy;
        while ((busy = CpuMeter.machineBusy(5000)) > quietBusyPercent) {
            if (System.nanoTime() > deadline) {
                log("  the machine is still %.0f%% busy with other work; measuring anyway (see the CPU column)", busy);
                return;
            }
            log("  the machine is %.0f%% busy with other work; waiting for it to calm down", busy);
        }
    }

    private static String evaluate(ServiceProcess node, String body) throws IOException {
        return node.expectOk("POST", "/api/v1/evaluate", ServiceProcess.CHECKOUT_KEY, body);
    }

    /** Evaluates every cart once; fails unless each is 200 with the code applied. Returns the mean number of promotions applied. */
    private static double check(ServiceProcess node, List<String> carts) throws IOException {
        long applied = 0;
        for (String cart : carts) {
            JsonNode answer = JSON.readTree(evaluate(node, cart));
            boolean codeApplied = false;
            for (JsonNode a : answer.path("applied")) {
                applied++;
                codeApplied |= BenchCatalog.CODE.equals(a.path("code").asText());
            }
            if (!codeApplied) throw new IllegalStateException("the code was not applied: " + answer);
        }
        return (double) applied / carts.size();
    }

    private static final Pattern METRIC = Pattern.compile("(?m)^kupon_evaluations_seconds_(count|sum)(?:\\{[^}]*})? ([0-9.eE+-]+)$");

    /** The service's own count and total seconds of evaluations (the engine, without HTTP and JSON). */
    static double[] serverEvaluations(ServiceProcess node) throws IOException {
        HttpResponse<String> metrics = node.get("/q/metrics", null);
        double[] countAndSum = new double[2];
        Matcher m = METRIC.matcher(metrics.body());
        while (m.find()) {
            countAndSum[m.group(1).equals("count") ? 0 : 1] += Double.parseDouble(m.group(2));
        }
        return countAndSum;
    }

    private String tables(List<SizeResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("### Evaluate over HTTP (20-line carts, one code)\n\n")
                .append("| Active promotions | Workers | Evaluations/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | Errors "
                        + "| Server-side mean ms | Promotions applied per cart | Load average before | CPU: service / PostgreSQL / load generator / others "
                        + "| CPU ms per evaluation: service + PostgreSQL |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
        for (SizeResult r : results) {
            for (LoadLine l : r.loads) {
                LoadRun.Result x = l.result();
                // CPU time per evaluation does not depend on how much of the machine other work took.
                double cpuMillis = 1000.0 * Runtime.getRuntime().availableProcessors() / x.perSecond() / 100.0;
                out.append(String.format(Locale.ROOT, "| %,d | %d | %,.0f | %.2f | %.2f | %.2f | %.2f | %.1f | %d | %.2f | %.1f | %s | %s | %.2f + %.2f |%n",
                        r.size, x.workers(), x.perSecond(), x.percentileMillis(50), x.percentileMillis(90), x.percentileMillis(99),
                        x.percentileMillis(99.9), x.maxMillis(), x.errors(), l.serverMeanMillis(), r.appliedPerCart,
                        l.loadBefore(), l.cpu(), l.cpu().service() * cpuMillis, l.cpu().database() * cpuMillis));
            }
        }
        out.append("\n### Building the rule set, memory\n\n")
                .append("| Active promotions | Seeded through | Seeding | Build (log line) | Last write → live | "
                        + "Heap after GC, seeded | Heap after GC, after load | Second node's start-up build |\n")
                .append("|---:|---|---|---:|---:|---:|---:|---:|\n");
        for (SizeResult r : results) {
            out.append(String.format(Locale.ROOT, "| %,d | %s | %s | %,d ms | %,d ms | %s | %s | %s |%n", r.size, r.seededThrough,
                    r.seeding, r.buildMillis, r.lastWriteToLiveMillis, mb(r.heapSeeded), mb(r.heapAfterLoad),
                    r.secondNodeStartBuildMillis == null ? "–" : String.format(Locale.ROOT, "%,d ms", r.secondNodeStartBuildMillis)));
        }
        out.append("\n### A promotion change until evaluate reflects it (deactivate, activate, PUT; idle service)\n\n")
                .append("| Active promotions | Changes | Write answered (median / max) | Live on the writing node (median / max) "
                        + "| Live on the second node (median / max) | Builds on the writing node (median / max) | Builds on the second node (median / max) |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SizeResult r : results) {
            out.append(String.format(Locale.ROOT, "| %,d | %d | %s | %s | %s | %s | %s |%n", r.size, r.changes.size(),
                    medianMax(r.changes.stream().map(Change::writeMillis).toList()),
                    medianMax(r.changes.stream().map(Change::liveHereMillis).toList()),
                    r.changes.stream().anyMatch(c -> c.liveSecondNodeMillis() == null) ? "–"
                            : medianMax(r.changes.stream().map(Change::liveSecondNodeMillis).toList()),
                    medianMax(r.changeBuilds), medianMax(r.otherChangeBuilds)));
        }
        return out.toString();
    }

    private String settings() {
        return String.format(Locale.ROOT, "Service: `%s`, embedded PostgreSQL, rules folder `%s`. "
                        + "Load: %s closed-loop workers, one keep-alive connection each, %d s warm-up, %d s measured, %d different carts.%n",
                ServiceProcess.commandLine(heap), Path.of("").toAbsolutePath().relativize(rules), workers, warmupMillis / 1000, measureMillis / 1000, CARTS);
    }

    private static String medianMax(List<Double> values) {
        if (values.isEmpty()) return "–";
        List<Double> sorted = values.stream().sorted().toList();
        return String.format(Locale.ROOT, "%,.0f / %,.0f ms", sorted.get((sorted.size() - 1) / 2), sorted.get(sorted.size() - 1));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1024.0 / 1024.0);
    }

    private static List<Integer> ints(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%s] %s%n", LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                String.format(Locale.ROOT, format, args));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

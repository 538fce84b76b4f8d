package kupon.support;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service ({@code java -jar target/quarkus-app/quarkus-run.jar}) started as its own process, the way it
 * runs in production: by the integration tests (several nodes, crashes, a load balancer) and by the benchmarks.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    public static final String CHECKOUT_KEY = "bench-checkout";
    public static final String MARKETER_KEY = "bench-marketer";
    public static final String ADMIN_KEY = "bench-admin";

    /** "Rule set version 7 active: 3 rule file(s), 1000 promotion(s), built in 42 ms". */
    private static final Pattern BUILT = Pattern.compile(
            "Rule set version (\\d+) active: \\d+ rule file\\(s\\), (\\d+) promotion\\(s\\), built in (\\d+) ms");

    /** One "Rule set version … active" log line. */
    public record Build(long version, int promotions, long millis) {
    }

    public final int port;
    public final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProcess(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** As `make run` starts the service (KUPON_JAVA_OPTS), plus bench.jvmArgs to try other JVM settings, space-separated. */
    public static List<String> jvmOptions() {
        String options = System.getenv().getOrDefault("KUPON_JAVA_OPTS", "") + " " + System.getProperty("bench.jvmArgs", "");
        return java.util.Arrays.stream(options.trim().split("\\s+")).filter(a -> !a.isEmpty()).toList();
    }

    /** How the benchmarks start the service, for their reports. */
    public static String commandLine(String heap) {
        return String.join(" ", List.of("java", "-Xmx" + heap, String.join(" ", jvmOptions()), "-jar target/quarkus-app/quarkus-run.jar"))
                .replace("  ", " ");
    }

    /**
     * Starts a node for a benchmark: as `make run` does (KUPON_JAVA_OPTS) with {@code heap}, the benchmark keys, the
     * rules folder {@code rules}, and {@code database}: either the embedded database's directory and port
     * (KUPON_EMBEDDED_DB_DIR/PORT) or an external one (QUARKUS_DATASOURCE_*). Nothing else of this JVM's Kupon
     * settings reaches it.
     */
    public static ServiceProcess start(Path jar, Path rules, Map<String, String> database, String heap, Path log) throws IOException {
        Map<String, String> env = new java.util.HashMap<>(database);
        env.put("KUPON_CHECKOUT_KEYS", CHECKOUT_KEY);
        env.put("KUPON_MARKETER_KEYS", MARKETER_KEY);
        env.put("KUPON_ADMIN_KEYS", ADMIN_KEY);
        env.put("KUPON_RULES_DIRECTORY", rules.toString());
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap));
        options.addAll(jvmOptions());
        return launch(jar, options, env, true, freePort(), log, Duration.ofMinutes(3));
    }

    /**
     * Starts a node for an integration test, named {@code name} (its log is {@code target/<name>.log}), on {@code port}
     * (0: a free one), with {@code environment} on top of this JVM's, so a test run against an external database
     * ({@code QUARKUS_DATASOURCE_*}) starts its nodes on it too; a null value removes an inherited variable.
     */
    public static ServiceProcess start(String name, Map<String, String> environment, int port) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the integration tests with `mvn verify` (or `make test`), which packages first");
        }
        try {
            return launch(JAR, List.of("-Xmx512m"), environment, false, port == 0 ? freePort() : port,
                    Path.of("target", name + ".log"), Duration.ofSeconds(90));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static ServiceProcess start(String name, Map<String, String> environment) {
        return start(name, environment, 0);
    }

    private static ServiceProcess launch(Path jar, List<String> jvmOptions, Map<String, String> environment, boolean clean,
                                         int port, Path log, Duration readyWithin) throws IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        if (clean) env.keySet().removeIf(k -> k.startsWith("QUARKUS_DATASOURCE") || k.startsWith("KUPON_"));
        environment.forEach((name, value) -> {
            if (value == null) env.remove(name); // a null value takes an inherited setting away
            else env.put(name, value);
        });
        env.put("PORT", Integer.toString(port));
        ServiceProcess node = new ServiceProcess(port, log, builder.start());
        node.awaitReady(readyWithin);
        return node;
    }

    /** The address of {@code path} on this node. */
    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Ends the process the way a crash or {@code kill -9} does: no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Kupon exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                if (get("/q/health/ready", null).statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            sleep(200);
        }
        throw new IOException("Kupon was not ready within " + timeout + "; see " + log);
    }

    public HttpResponse<String> get(String path, String key) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5)).GET();
        if (key != null) request.header("Authorization", "Bearer " + key);
        return send(request.build());
    }

    public HttpResponse<String> send(String method, String path, String key, String json) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return send(request);
    }

    /** Sends and fails unless the answer is 2xx. */
    public String expectOk(String method, String path, String key, String json) throws IOException {
        HttpResponse<String> response = send(method, path, key, json);
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }


    /** Every rule set build this node has logged so far. */
    public List<Build> builds() throws IOException {
        List<Build> builds = new ArrayList<>();
        Matcher m = BUILT.matcher(Files.readString(log, StandardCharsets.UTF_8));
        while (m.find()) {
            builds.add(new Build(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3))));
        }
        return builds;
    }

    /**
     * Heap in use right after a full collection, in bytes: {@code jcmd <pid> GC.run} (a System.gc(), a full
     * stop-the-world collection with G1) and then the "used" figure of {@code jcmd <pid> GC.heap_info}. This
     * is the live data the service holds, without the garbage a metrics scrape would also count.
     */
    public long heapUsedAfterGc() throws IOException {
        jcmd("GC.run");
        // G1 prints one "total …K, used …K" line for the heap; the parallel and serial collectors one per generation.
        Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(jcmd("GC.heap_info"));
        long used = 0;
        boolean found = false;
        while (m.find()) {
            used += Long.parseLong(m.group(2)) * 1024;
            found = true;
        }
        if (!found) throw new IOException("no heap figure in jcmd GC.heap_info output");
        return used;
    }

    public String jcmd(String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (jcmd.waitFor() != 0) throw new IOException("jcmd " + line + " failed: " + output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return output;
    }

    /** Stops the node the way an orchestrator does (SIGTERM), so the embedded database shuts down cleanly. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

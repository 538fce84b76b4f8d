package kupon.nodes;

import kupon.support.ServiceProcess;
import kupon.database.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two packaged nodes on one database behind a real nginx, configured from docker/nginx.conf. Clients place orders and
 * retry on failure with the same orderId, as a checkout should; one node is killed with {@code kill -9} mid-load and
 * started again, the other is stopped with SIGTERM and started again. Every order is recorded exactly once, no limit
 * is exceeded, and while a node drains on SIGTERM not one request through nginx fails.
 *
 * <p>Needs the Debian package {@code nginx} ({@code .ci/run} installs it when missing); without it the test is
 * skipped and says so.
 */
class LoadBalancedNodesIT {

    private static final String CHECKOUT = "lb-checkout";
    private static final String MARKETER = "lb-marketer";
    private static final String ADMIN = "lb-admin";
    private static final int MAX_USES = 150;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static EmbeddedDatabase database;
    private static Path nginxDir;
    private static Process nginx;
    private static int balancerPort;
    private static Map<String, String> env;
    private static final ServiceProcess[] nodes = new ServiceProcess[2];
    private static final int[] nodePorts = new int[2];

    /** One attempt of one order through the load balancer. */
    record Attempt(String orderId, long at, int status) {
    }

    @BeforeAll
    static void startNodesBehindNginx() throws Exception {
        Path binary = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(binary)) {
            System.err.println("NOTICE: LoadBalancedNodesIT is skipped: nginx is not installed (apt-get install -y nginx; .ci/run does it)");
        }
        Assumptions.assumeTrue(Files.isExecutable(binary), "nginx is not installed (apt-get install -y nginx): the load-balancer test did not run");
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "lb-postgres-").resolve("pg");
        database = EmbeddedDatabase.start(data, 0);
        env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("KUPON_CHECKOUT_KEYS", CHECKOUT);
        env.put("KUPON_MARKETER_KEYS", MARKETER);
        env.put("KUPON_ADMIN_KEYS", ADMIN);
        for (int i = 0; i < 2; i++) {
            nodePorts[i] = freePort();
            nodes[i] = ServiceProcess.start("lb-node-" + i, env, nodePorts[i]);
        }
        balancerPort = freePort();
        nginx = startNginx(binary);
    }

    @AfterAll
    static void stopAll() {
        if (nginx != null) nginx.destroy();
        for (ServiceProcess node : nodes) if (node != null) node.close();
        if (database != null) database.close();
    }

    /** docker/nginx.conf with the nodes' and the balancer's local ports, inside the minimal main context nginx needs. */
    private static Process startNginx(Path binary) throws Exception {
        nginxDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "lb-nginx-");
        nginxDir.toFile().setWritable(true, false);
        String server = Files.readString(Path.of("docker/nginx.conf"))
                .replace("kupon-1:8080", "127.0.0.1:" + nodePorts[0])
                .replace("kupon-2:8080", "127.0.0.1:" + nodePorts[1])
                .replace("listen 80;", "listen 127.0.0.1:" + balancerPort + ";");
        assertThat(server).contains("127.0.0.1:" + nodePorts[0]).contains("127.0.0.1:" + nodePorts[1]);
        String dir = nginxDir.toString();
        Files.writeString(nginxDir.resolve("nginx.conf"), """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %2$s
                }
                """.formatted(dir, server));
        Process process = new ProcessBuilder(binary.toString(), "-p", dir, "-c", dir + "/nginx.conf", "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(nginxDir.resolve("out.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(balancer("/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) return process;
            } catch (IOException notYet) {
                ServiceProcess.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not start; see " + nginxDir.resolve("out.log") + " and error.log");
    }

    private static URI balancer(String path) {
        return URI.create("http://127.0.0.1:" + balancerPort + path);
    }

    @Test
    void ordersThroughNginxAreRecordedOnceWhileOneNodeIsKilledAndTheOtherRestarted() throws Exception {
        String promotion = "lb-" + UUID.randomUUID().toString().substring(0, 8);
        send("POST", "/api/v1/promotions", MARKETER, """
                {"id": "%s", "name": "Five off", "trigger": "CODE", "limits": {"totalUses": %d},
                 "reward": {"type": "AMOUNT_OFF", "value": "5.00", "target": "ORDER"}}""".formatted(promotion, MAX_USES), 201);
        String code = "LB" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        send("POST", "/api/v1/promotions/" + promotion + "/codes", MARKETER, "{\"code\": \"" + code + "\"}", 201);

        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> placed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> lost = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        long started = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            Thread client = new Thread(() -> {
                while (running.get()) {
                    int n = sequence.incrementAndGet();
                    String orderId = "lb-order-" + n + "-" + UUID.randomUUID().toString().substring(0, 6);
                    // Every fourth order brings the code; the rest are plain orders.
                    String body = """
                            {"orderId": "%s", "customer": {"id": "lb-%d"}, "codes": %s,
                             "cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 1, "unitPrice": "30.00"}]}}"""
                            .formatted(orderId, n, n % 4 == 0 ? "[\"" + code + "\"]" : "[]");
                    int answer = placeWithRetries(orderId, body, attempts, started);
                    if (answer == 201 || answer == 200) placed.add(orderId);
                    else if (answer == 409) refused.add(orderId); // the code is used up: a final answer
                    else lost.add(orderId);
                }
            });
            client.start();
            clients.add(client);
        }

        ServiceProcess.sleep(4_000);
        nodes[0].kill(); // a crash: in-flight requests to it fail, nginx and the clients' retries carry on
        ServiceProcess.sleep(3_000);
        nodes[0] = ServiceProcess.start("lb-node-0-restarted", env, nodePorts[0]);
        ServiceProcess.sleep(5_000); // nginx tries a failed node again after 2 s (docker/nginx.conf)
        long drainFrom = millisSince(started);
        nodes[1].close(); // SIGTERM: drains
        long drainTo = millisSince(started);
        nodes[1] = ServiceProcess.start("lb-node-1-restarted", env, nodePorts[1]);
        long restartedAt = millisSince(started);
        ServiceProcess.sleep(3_000);
        running.set(false);
        for (Thread client : clients) client.join();

        assertThat(lost).as("orders that got no answer after every retry").isEmpty();
        assertThat(placed).hasSizeGreaterThan(100);
        assertThat(attempts.stream().filter(a -> a.at() >= drainFrom && a.at() <= restartedAt && a.status() != 201 && a.status() != 200 && a.status() != 409))
                .as("requests through nginx that failed while a node stopped with SIGTERM (%d–%d ms) and started again", drainFrom, drainTo)
                .isEmpty();
        System.out.printf("Through nginx: %d orders placed, %d attempts, %d attempts failed (all while a node was killed)%n",
                placed.size(), attempts.size(), attempts.stream().filter(a -> a.status() != 201 && a.status() != 200 && a.status() != 409).count());

        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
             Statement query = c.createStatement()) {
            List<String> ids = new ArrayList<>(placed);
            try (ResultSet row = query.executeQuery("SELECT count(*), count(DISTINCT order_id) FROM orders WHERE order_id LIKE 'lb-order-%'")) {
                row.next();
                assertThat(row.getInt(1)).as("orders recorded").isEqualTo(ids.size());
                assertThat(row.getInt(2)).isEqualTo(ids.size());
            }
            try (ResultSet row = query.executeQuery("SELECT uses FROM promotion_code WHERE code = '" + code + "'")) {
                row.next();
                // Refusals only once the promotion's 150 uses are gone, and never one use more.
                if (refused.isEmpty()) assertThat(row.getInt(1)).isLessThanOrEqualTo(MAX_USES);
                else assertThat(row.getInt(1)).isEqualTo(MAX_USES);
            }
            try (ResultSet row = query.executeQuery("SELECT count(*) FROM order_promotion WHERE promotion_id = '" + promotion + "'")) {
                row.next();
                assertThat(row.getInt(1)).as("orders the promotion discounted").isLessThanOrEqualTo(MAX_USES);
            }
        }
        HttpResponse<String> report = send("GET", "/api/v1/ops/consistency", ADMIN, null, 200);
        assertThat(report.body()).contains("\"consistent\":true");
    }

    /** Places an order through nginx, retrying with the same orderId after a failure, as checkout does; the final status. */
    private static int placeWithRetries(String orderId, String body, ConcurrentLinkedQueue<Attempt> attempts, long started) {
        for (int attempt = 0; attempt < 60; attempt++) {
            int status;
            try {
                status = HTTP.send(HttpRequest.newBuilder(balancer("/api/v1/orders")).timeout(Duration.ofSeconds(15))
                        .header("Authorization", "Bearer " + CHECKOUT).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            attempts.add(new Attempt(orderId, millisSince(started), status));
            if (status == 201 || status == 200 || status == 409) return status;
            ServiceProcess.sleep(250);
        }
        return -1;
    }

    private static HttpResponse<String> send(String method, String path, String key, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(balancer(path)).header("Authorization", "Bearer " + key);
        if (body != null) request.header("Content-Type", "application/json");
        HttpResponse<String> answer = HTTP.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(expected);
        return answer;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

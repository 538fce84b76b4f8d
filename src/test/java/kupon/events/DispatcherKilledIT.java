package kupon.events;

import kupon.database.EmbeddedDatabase;
import kupon.support.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node delivering events is killed ({@code kill -9}) while a receiver is still reading one of its deliveries; the
 * node that starts next delivers every event anyway, in order per order, and the receiver can deduplicate by id.
 */
class DispatcherKilledIT {

    private static final String CHECKOUT = "it-checkout";
    private static final String ADMIN = "it-admin";
    private static final String SECRET = "it-secret-" + UUID.randomUUID();
    private static final Map<String, String> ENV = new HashMap<>();
    private static EmbeddedDatabase database;

    @BeforeAll
    static void database() throws Exception {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-postgres-");
            Files.delete(dir);
            database = EmbeddedDatabase.start(dir, 0);
            ENV.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            ENV.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
            ENV.put("QUARKUS_DATASOURCE_PASSWORD", "");
        }
        ENV.put("KUPON_CHECKOUT_KEYS", CHECKOUT);
        ENV.put("KUPON_MARKETER_KEYS", "it-marketer");
        ENV.put("KUPON_ADMIN_KEYS", ADMIN);
        // The receiver listens on 127.0.0.1, which production refuses by default.
        ENV.put("KUPON_EVENTS_ALLOW_PRIVATE_TARGETS", "true");
        // Long enough that the held delivery is still in flight when the node dies.
        ENV.put("KUPON_EVENTS_DELIVERY_TIMEOUT", "60s");
    }

    @AfterAll
    static void stop() {
        if (database != null) database.close();
    }

    @Test
    void everyEventIsDeliveredInOrderAfterTheDispatchingNodeIsKilledMidDelivery() throws Exception {
        AtomicBoolean holding = new AtomicBoolean(true);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        try (Receiver receiver = new Receiver(n -> {
            if (holding.get()) {
                held.countDown();
                await(killed);
            }
            return 200;
        })) {
            ServiceProcess first = ServiceProcess.start("dispatcher-first", ENV);
            List<String> orders;
            try {
                first.expectOk("POST", "/api/v1/webhooks", ADMIN, """
                        {"url": "%s", "events": ["order.placed", "order.cancelled"], "secret": "%s"}""".formatted(receiver.url(), SECRET));
                orders = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "killed-" + i + "-" + UUID.randomUUID()).toList();
                for (String id : orders) {
                    first.expectOk("POST", "/api/v1/orders", CHECKOUT, """
                            {"orderId": "%s", "cart": {"currency": "USD", "lines": [{"id": "l1", "sku": "MUG", "quantity": 1, "unitPrice": "12.00"}]}}"""
                            .formatted(id));
                }
                for (String id : orders.subList(0, 10)) first.expectOk("POST", "/api/v1/orders/" + id + "/cancel", CHECKOUT, "{}");
                assertThat(held.await(30, TimeUnit.SECONDS)).as("a delivery reached the receiver").isTrue();
            } finally {
                first.kill();
            }
            holding.set(false);
            killed.countDown();

            try (ServiceProcess next = ServiceProcess.start("dispatcher-next", ENV)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline && !allDelivered(receiver, orders)) ServiceProcess.sleep(200);

                for (int i = 0; i < orders.size(); i++) {
                    List<String> types = firstArrivals(receiver.accepted("order/" + orders.get(i)));
                    assertThat(types).as(orders.get(i)).isEqualTo(i < 10 ? List.of("order.placed", "order.cancelled") : List.of("order.placed"));
                }
                Set<String> ids = receiver.all().stream().map(d -> d.json().getString("id")).collect(Collectors.toSet());
                assertThat(ids).hasSize(30);
                // The one the killed node was sending when it died is sent again: at least once, never lost.
                assertThat(receiver.all().size()).isGreaterThan(30);

                HttpResponse<String> webhooks = next.get("/api/v1/webhooks", ADMIN);
                String id = new io.restassured.path.json.JsonPath(webhooks.body()).getString("[0].id");
                String log = next.get("/api/v1/webhooks/" + id + "/deliveries?limit=100", ADMIN).body();
                List<String> statuses = new io.restassured.path.json.JsonPath(log).getList("status");
                assertThat(statuses).hasSize(30).containsOnly("DELIVERED");
            }
        }
    }

    private static boolean allDelivered(Receiver receiver, List<String> orders) {
        for (int i = 0; i < orders.size(); i++) {
            if (firstArrivals(receiver.accepted("order/" + orders.get(i))).size() < (i < 10 ? 2 : 1)) return false;
        }
        return true;
    }

    /** The event types in the order their ids first arrived, duplicates dropped as a receiver would. */
    private static List<String> firstArrivals(List<Receiver.Delivery> deliveries) {
        Map<String, String> byId = new java.util.LinkedHashMap<>();
        for (Receiver.Delivery d : deliveries) byId.putIfAbsent(d.json().getString("id"), d.json().getString("type"));
        return List.copyOf(byId.values());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

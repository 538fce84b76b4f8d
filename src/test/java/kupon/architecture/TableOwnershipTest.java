package kupon.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table has one owning class that writes it (docs/architecture.md): SQL that inserts, updates or deletes rows
 * of a table appears in that class only. Tables served by Panache entities are written by their repository's package.
 */
class TableOwnershipTest {

    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("promotion_code", "kupon/codes/CodeLedger.java"),
            Map.entry("code_batch", "kupon/codes/CodeBatchService.java"),
            Map.entry("usage_counter", "kupon/limits/UsageLedger.java"),
            Map.entry("orders", "kupon/orders/OrderLedger.java"),
            Map.entry("order_line", "kupon/orders/OrderLedger.java"),
            Map.entry("order_promotion", "kupon/orders/OrderLedger.java"),
            Map.entry("order_usage", "kupon/orders/OrderLedger.java"),
            Map.entry("catalog_revision", "kupon/rules/CatalogRevision.java"),
            Map.entry("rule_file", "kupon/rules/RuleSourceStore.java"),
            Map.entry("rule_file_history", "kupon/rules/RuleSourceStore.java"),
            Map.entry("rule_source_blob", "kupon/rules/RuleSourceStore.java"),
            Map.entry("rule_set_draft", "kupon/rules/RuleSourceStore.java"),
            Map.entry("rule_set_pin", "kupon/rules/RuleSourceStore.java"),
            Map.entry("compiled_rule_set", "kupon/rules/RuleSourceStore.java"),
            Map.entry("fraud_attempt", "kupon/fraud/CodeGuessing.java"),
            Map.entry("fraud_block", "kupon/fraud/FraudBlocks.java"),
            Map.entry("fraud_event", "kupon/fraud/FraudEvents.java"),
            Map.entry("order_experiment", "kupon/orders/OrderLedger.java"),
            Map.entry("analytics_pending", "kupon/analytics/OrderFeed.java"),
            Map.entry("analytics_rollup", "kupon/analytics/Rollups.java"),
            Map.entry("analytics_rollup_day", "kupon/analytics/Rollups.java"),
            Map.entry("inventory_item", "kupon/inventory/Inventory.java"),
            Map.entry("webhook", "kupon/events/Webhooks.java"),
            Map.entry("event_outbox", "kupon/events/Outbox.java"),
            Map.entry("webhook_delivery", "kupon/events/Dispatcher.java"),
            Map.entry("analytics_customer", "kupon/analytics/Rollups.java"),
            Map.entry("analytics_shopper", "kupon/analytics/ShopperSets.java"),
            Map.entry("analytics_customer_day", "kupon/analytics/ShopperSets.java"),
            Map.entry("analytics_value", "kupon/analytics/Rollups.java"),
            Map.entry("analytics_code_counter", "kupon/analytics/CheckoutCounting.java"),
            Map.entry("analytics_exposure", "kupon/analytics/CheckoutCounting.java"),
            Map.entry("console_session", "kupon/console/ConsoleSessions.java"));

    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:INSERT INTO|UPDATE|DELETE FROM)\\s+([a-z_]+)(?=\\s*(?:SET\\b|\\(|VALUES\\b|WHERE\\b|SELECT\\b|\"|$))",
            Pattern.MULTILINE);
    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void everyTableWrittenByHandIsWrittenByItsOwnerOnly() throws IOException {
        Map<String, TreeSet<String>> writers = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher write = WRITE.matcher(Files.readString(file));
                while (write.find()) {
                    writers.computeIfAbsent(write.group(1), t -> new TreeSet<>()).add(MAIN.relativize(file).toString());
                }
            }
        }
        assertThat(writers).as("tables written by hand, and who writes them").isNotEmpty();
        writers.forEach((table, classes) -> assertThat(classes)
                .as("classes writing table " + table + " (give it one owner in " + getClass().getSimpleName() + " and docs/architecture.md)")
                .containsExactly(OWNERS.get(table)));
    }

    @Test
    void tablesOfEntitiesAreWrittenThroughTheirPackageOnly() throws IOException {
        // A native write of an entity's table elsewhere would bypass its owner.
        for (String table : new String[] {"promotion", "rule_set_version"}) {
            try (Stream<Path> files = Files.walk(MAIN)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher write = WRITE.matcher(Files.readString(file));
                    while (write.find()) assertThat(write.group(1)).as(file + " writes an entity's table by hand").isNotEqualTo(table);
                }
            }
        }
    }
}

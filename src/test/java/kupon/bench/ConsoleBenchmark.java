package kupon.bench;

import kupon.support.ServiceProcess;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code make bench-console}. Every console page with 10,000 promotions and 1,000,000 recorded orders (written
 * straight into the ledger, as {@code make bench-analytics} does), signed in as an admin: each page asked 10 times to
 * warm up, then 50 times in a row, p50, p95 and max against the 200 ms target. The time is measured by the client on
 * the same machine, so it is the server's time plus a loopback round trip. Results in target/bench/console.md.
 *
 * <p>Settings: {@code bench.orders} (1,000,000), {@code bench.promotions} (10,000).
 */
public final class ConsoleBenchmark {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]{64})\"");

    private final int orders = Integer.getInteger("bench.orders", 1_000_000);
    private final int promotions = Integer.getInteger("bench.promotions", 10_000);
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> report = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new ConsoleBenchmark().run();
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("kupon-bench-console-");
        int dbPort = ServiceProcess.freePort();
        Map<String, String> database = Map.of("KUPON_EMBEDDED_DB_DIR", work.resolve("postgres").toString(),
                "KUPON_EMBEDDED_DB_PORT", Integer.toString(dbPort));
        report.addAll(CpuMeter.header("2g"));
        try (ServiceProcess node = ServiceProcess.start(ServiceProcess.JAR.toAbsolutePath(), Path.of("rules").toAbsolutePath(),
                database, "2g", work.resolve("node.log"))) {
            System.out.printf(Locale.ROOT, "Seeding %,d promotions and %,d orders%n", promotions, orders);
            BenchCatalog catalog = new BenchCatalog(promotions);
            catalog.seed(node, dbPort);
            AnalyticsBenchmark.seedLedger(dbPort, orders);
            node.expectOk("POST", "/api/v1/analytics/rebuild", ServiceProcess.ADMIN_KEY, null);
            String cookie = signIn(node);
            String csrf = token(node, cookie);
            String from = LocalDate.now(ZoneOffset.UTC).minusDays(90).toString();
            String some = BenchCatalog.promotionId(promotions / 2);
            report.add("");
            report.add(String.format(Locale.ROOT, "### Console pages with %,d promotions and %,d orders (signed in as an admin)", promotions, orders));
            report.add("");
            report.add("| page | p50 ms | p95 ms | max ms | target p95 |");
            report.add("|---|---:|---:|---:|---|");
            for (String page : List.of("/console", "/console/promotions", "/console/promotions?q=" + some,
                    "/console/promotions?status=ACTIVE&page=100", "/console/promotions/new", "/console/promotions/" + some,
                    "/console/analytics?from=" + from, "/console/analytics/promotions/p-1?from=" + from,
                    "/console/analytics/campaigns/camp-3?from=" + from,
                    "/console/analytics/compare?promotions=p-1,p-2,p-3,p-4,p-5&from=" + from,
                    "/console/codes", "/console/rulesets", "/console/fraud", "/console/fraud/patterns")) {
                report.add(latency(node, cookie, page, null));
            }
            String preview = "_csrf=" + csrf + "&id=bench-preview&name=Preview&reward.type=PERCENT_OFF&reward.value=10"
                    + "&sampleCart=" + URLEncoder.encode(BenchCatalog.probeCart(7), StandardCharsets.UTF_8);
            report.add(latency(node, cookie, "/console/promotions/preview", preview));
        }
        String text = String.join("\n", report) + "\n";
        System.out.println(text);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/console.md"), text);
    }

    private String signIn(ServiceProcess node) throws Exception {
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(node.uri("/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("next=%2Fconsole&key=" + ServiceProcess.ADMIN_KEY)).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow(() -> new IllegalStateException(
                "signing in answered " + signedIn.statusCode() + " without a cookie"));
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private String token(ServiceProcess node, String cookie) throws Exception {
        String page = http.send(HttpRequest.newBuilder(node.uri("/console")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = TOKEN.matcher(page);
        if (!token.find()) throw new IllegalStateException("the dashboard carries no form token");
        return token.group(1);
    }

    private String latency(ServiceProcess node, String cookie, String path, String form) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofMinutes(1)).header("Cookie", cookie);
        HttpRequest request = form == null ? builder.GET().build()
                : builder.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        for (int i = 0; i < 10; i++) http.send(request, HttpResponse.BodyHandlers.discarding());
        long[] nanos = new long[50];
        for (int i = 0; i < nanos.length; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                return String.format(Locale.ROOT, "| `%s` | answered %d | | | ≤ 200 ms |", shown(path, form), response.statusCode());
            }
        }
        Arrays.sort(nanos);
        String row = String.format(Locale.ROOT, "| `%s` | %.1f | %.1f | %.1f | ≤ 200 ms |", shown(path, form),
                nanos[24] / 1e6, nanos[47] / 1e6, nanos[49] / 1e6);
        System.out.println(row);
        return row;
    }

    private static String shown(String path, String form) {
        return (form == null ? "GET " : "POST ") + path.replaceFirst("[?&]from=[0-9-]+", "");
    }
}

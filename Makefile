# Kupon: `make run` starts the service, `make test` runs every test. Both need only a JDK 17 and Maven.

MVN ?= mvn -B
SHELL := /bin/bash
JAR := target/quarkus-app/quarkus-run.jar

# Development API keys, one per role; override them (or set your own in the environment) for anything real.
export KUPON_CHECKOUT_KEYS ?= dev-checkout-key
export KUPON_MARKETER_KEYS ?= dev-marketer-key
export KUPON_ADMIN_KEYS ?= dev-admin-key

# JVM options of the service. The parallel collector costs less CPU per request than G1 on a few cores, and with
# a live set of tens of megabytes its pauses stay at a few milliseconds. The benchmarks start the service with these too.
export KUPON_JAVA_OPTS ?= -XX:+UseParallelGC

.PHONY: run test package bench bench-cart bench-orders bench-reload bench-compile bench-soak bench-fraud bench-analytics bench-webhooks bench-console clean

## Build (only when a source changed) and start on http://localhost:$${PORT:-8080}, with an embedded PostgreSQL in
## data/ unless QUARKUS_DATASOURCE_JDBC_URL is set. Ctrl-C stops it cleanly. Colours only on a terminal.
run: $(JAR)
	@echo "Starting Kupon; rules from ./rules, watched for changes. API keys: checkout=$$KUPON_CHECKOUT_KEYS" \
	  "marketer=$$KUPON_MARKETER_KEYS admin=$$KUPON_ADMIN_KEYS"
	@java $$KUPON_JAVA_OPTS $$([ -t 1 ] || echo -Dquarkus.console.color=false) -jar $(JAR); status=$$?; \
	  if [ $$status -eq 130 ] || [ $$status -eq 143 ]; then echo "Kupon stopped."; else exit $$status; fi

# The built service is older than a source file or the pom: build it, showing each Maven step as it starts.
$(JAR): pom.xml $(shell find src/main -type f 2>/dev/null)
	@echo "Building Kupon (the first build downloads its dependencies and takes a few minutes; later ones under a minute)"
	@set -o pipefail; $(MVN) -ntp -Dstyle.color=never -DskipTests package 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g' \
	  | grep --line-buffered -E '^\[(INFO\] (--- |BUILD)|ERROR)' | sed -u 's/^\[INFO\] --- /  /; s/ @ kupon ---$$//'
	@touch $(JAR)

## Every test, against a real PostgreSQL (embedded unless QUARKUS_DATASOURCE_JDBC_URL is set): unit and
## @QuarkusTest tests, then the packaged service started twice on one database (*IT).
test:
	$(MVN) -Dstyle.color=never verify

package:
	$(MVN) -q -ntp -Dstyle.color=never -DskipTests package

## Evaluate throughput and latency, build time, heap and change propagation at 100, 1,000 and 10,000 promotions,
## then what bench-cart, bench-orders, bench-reload, bench-compile, bench-fraud, bench-analytics, bench-webhooks and bench-console measure (about 40 minutes in all; results in target/bench/,
## explained in docs/benchmarks.md). Settings: BENCH_OPTS="-Dbench.sizes=1000 ...".
BENCH_OPTS ?=
bench: package
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.EvaluateBenchmark
	java $(KUPON_JAVA_OPTS) $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.LargeCartBenchmark
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.OrdersBenchmark
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.ReloadBenchmark
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.CompileBenchmark
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.FraudBenchmark
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.AnalyticsBenchmark
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.WebhooksBenchmark
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.DeliveryClientBenchmark
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.ConsoleBenchmark

## Every console page with 10,000 promotions and 1,000,000 orders, p95 against 200 ms (about 5 minutes; results in
## target/bench/console.md).
bench-console: package
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.ConsoleBenchmark

## Analytics calls over 1,000,000 recorded orders (p95 against 300 ms), and orders and evaluations per second with and
## without analytics counting (about 8 minutes; results in target/bench/analytics.md).
bench-analytics: package
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.AnalyticsBenchmark

## Orders per second with a webhook subscribed to every event (receiver answering in 50 ms) against none, and the
## delivery delay over 10,000 events, then the CPU one delivery costs the sender with the JDK's and Vert.x's HTTP
## clients; results in target/bench/webhooks.md and delivery-client.md, explained in docs/benchmarks.md.
bench-webhooks: package
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.WebhooksBenchmark
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.DeliveryClientBenchmark

## One 500-line cart of 100 units per line (58 KB) over HTTP, p50 and p99 against the 20 ms target, and the pricing
## core alone on it against the per-unit reference (about 2 minutes; results in target/bench/cart.md).
bench-cart: package
	java $(KUPON_JAVA_OPTS) $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.LargeCartBenchmark

## One million codes in a batch while evaluations run, code lookup latency, committed orders per second
## (about 3 minutes; results in target/bench/orders.md).
bench-orders: package
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.OrdersBenchmark

## Rule changes under continuous evaluation load, and start-up with and without the compiled-module cache
## (about 2 minutes; results in target/bench/reload.md).
bench-reload: package
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.ReloadBenchmark

## Evaluations while the largest accepted DRL file (1,000 rules) and decision table (1,000 rows) compile: latencies,
## upload time and heap (about 4 minutes; results in target/bench/compile.md).
bench-compile: package
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.CompileBenchmark

## One attacker guessing codes from one IP at full speed alongside the usual evaluate load: legitimate throughput
## and p99 with and without it (about 5 minutes; results in target/bench/fraud.md).
bench-fraud: package
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.FraudBenchmark

## A mixed load (evaluate, orders, cancels, code batches, a promotion change every 10 s) for 10 minutes: errors,
## latencies, heap and database connections at the start and the end, counters against the ledger
## (BENCH_OPTS="-Dbench.soakMinutes=60" for longer; results in target/bench/soak.md).
bench-soak: package
	java $(BENCH_OPTS) -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" kupon.bench.SoakBenchmark

clean:
	$(MVN) -q clean

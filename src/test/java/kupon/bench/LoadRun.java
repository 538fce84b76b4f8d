package kupon.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code workers} threads, each with its own persistent connection, send evaluate requests
 * back to back for the warm-up and then for the measured period. Every measured request's latency (send to
 * last byte of the answer) is kept, so percentiles are exact rather than bucketed.
 */
final class LoadRun {

    /** What the measured period gave. Latencies are in nanoseconds, sorted. */
    record Result(int workers, double seconds, long[] latencies, long errors, String firstError) {

        double perSecond() {
            return latencies.length / seconds;
        }

        double percentileMillis(double p) {
            if (latencies.length == 0) return Double.NaN;
            int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(index, latencies.length - 1))] / 1e6;
        }

        double maxMillis() {
            return latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6;
        }
    }

    private LoadRun() {
    }

    /**
     * Runs the load; {@code phase} is told {@code true} when the measured period starts and {@code false} when it
     * ends, to take other readings over exactly that period.
     */
    static Result run(int port, List<byte[]> requests, int workers, long warmupMillis, long measureMillis,
                      java.util.function.Consumer<Boolean> phase) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        return run(port, worker -> requests.get(Math.floorMod(worker * 7919 + next.getAndIncrement(), requests.size())), 200,
                workers, warmupMillis, measureMillis, phase);
    }

    /**
     * The same with requests made as they are sent ({@code request} is given the worker's number) and
     * {@code expectedStatus} counted as success: e.g. orders, each with a new order id, answered 201.
     */
    static Result run(int port, java.util.function.IntFunction<byte[]> request, int expectedStatus, int workers,
                      long warmupMillis, long measureMillis, java.util.function.Consumer<Boolean> phase) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmupMillis * 1_000_000;
        long measureUntil = measureFrom + measureMillis * 1_000_000;
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        long[][] recorded = new long[workers][];
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                try (Http1Connection connection = new Http1Connection("localhost", port)) {
                    while (true) {
                        byte[] next = request.apply(worker);
                        long sent = System.nanoTime();
                        if (sent >= measureUntil) break;
                        boolean ok;
                        String problem = null;
                        try {
                            Http1Connection.Response response = connection.send(next);
                            ok = response.status() == expectedStatus;
                            if (!ok) problem = response.status() + ": " + response.text();
                        } catch (IOException e) {
                            ok = false;
                            problem = e.toString();
                        }
                        long answered = System.nanoTime();
                        if (sent < measureFrom) continue;
                        if (!ok) {
                            if (errors.getAndIncrement() == 0) firstError[0] = problem;
                            continue;
                        }
                        if (count == latencies.length) latencies = Arrays.copyOf(latencies, count * 2);
                        latencies[count++] = answered - sent;
                    }
                }
                recorded[worker] = Arrays.copyOf(latencies, count);
            }, "load-" + w);
            threads.add(thread);
            thread.start();
        }
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        phase.accept(true);
        Thread.sleep(Math.max(0, (measureUntil - System.nanoTime()) / 1_000_000));
        phase.accept(false);
        for (Thread thread : threads) thread.join();
        long[] all = Arrays.stream(recorded).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(workers, measureMillis / 1000.0, all, errors.get(), firstError[0]);
    }
}

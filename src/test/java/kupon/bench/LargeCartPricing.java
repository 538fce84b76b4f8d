package kupon.bench;

import kupon.pricing.Offer;
import kupon.pricing.PricingCart;
import kupon.pricing.PricingEngine;
import kupon.pricing.PricingResult;
import kupon.pricing.RefPricingEngine;
import kupon.pricing.Rounding;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The pricing core alone on the {@link LargeCart}: milliseconds of CPU per pricing for the engine, which works on
 * groups of alike units, and for the per-unit reference it replaced (the engine as it was). Both must agree.
 * Settings: {@code bench.cart.inProcessSeconds} (10: measured time of the engine; the reference gets 10 runs).
 */
final class LargeCartPricing {

    /** Median and p99 of CPU milliseconds per pricing. */
    record Figures(String engine, int runs, double medianMillis, double p99Millis) {
    }

    private LargeCartPricing() {
    }

    static List<Figures> measure() {
        PricingCart cart = LargeCart.pricingCart();
        List<Offer> offers = LargeCart.offers();
        PricingEngine grouped = new PricingEngine(Rounding.HALF_EVEN);
        RefPricingEngine perUnit = new RefPricingEngine(Rounding.HALF_EVEN);
        PricingResult expected = perUnit.price(cart, offers);
        if (!grouped.price(cart, offers).equals(expected)) {
            throw new IllegalStateException("the engine and the per-unit reference disagree on the large cart");
        }
        if (expected.applied().size() != offers.size()) {
            throw new IllegalStateException("not every promotion applied: " + expected.applied());
        }
        long seconds = Long.getLong("bench.cart.inProcessSeconds", 10);
        Figures groupedFigures = time("grouped units (this engine)", () -> grouped.price(cart, offers), 2_000, seconds * 1000, Integer.MAX_VALUE);
        Figures perUnitFigures = time("unit by unit (the engine before)", () -> perUnit.price(cart, offers), 3, 120_000, 10);
        return List.of(groupedFigures, perUnitFigures);
    }

    private static Figures time(String name, Supplier<PricingResult> pricing, int warmups, long millis, int maxRuns) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmups; i++) {
            pricing.get();
        }
        long[] cpu = new long[1024];
        int runs = 0;
        long until = System.nanoTime() + millis * 1_000_000;
        while (runs < maxRuns && System.nanoTime() < until) {
            long started = threads.getCurrentThreadCpuTime();
            pricing.get();
            if (runs == cpu.length) cpu = Arrays.copyOf(cpu, runs * 2);
            cpu[runs++] = threads.getCurrentThreadCpuTime() - started;
        }
        long[] sorted = Arrays.copyOf(cpu, runs);
        Arrays.sort(sorted);
        return new Figures(name, runs, sorted[(runs - 1) / 2] / 1e6, sorted[Math.max(0, (int) Math.ceil(0.99 * runs) - 1)] / 1e6);
    }

    static String table(List<Figures> figures) {
        StringBuilder out = new StringBuilder("| Pricing core, in process | Runs | CPU ms per cart, median | p99 |\n|---|---:|---:|---:|\n");
        for (Figures f : figures) {
            out.append(String.format(Locale.ROOT, "| %s | %,d | %.2f | %.2f |%n", f.engine(), f.runs(), f.medianMillis(), f.p99Millis()));
        }
        return out.toString();
    }
}

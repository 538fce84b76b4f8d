package kupon.bench;

import kupon.support.ServiceProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the machine's CPU went during a measurement (Linux /proc): the service JVM, its PostgreSQL, the load
 * generator, and everything else. The last share is what other work on the machine took from the benchmark,
 * which a load average cannot tell apart from the benchmark's own threads.
 */
final class CpuMeter {

    /** Shares of the whole machine (100% = every CPU busy). */
    record Shares(double service, double database, double loadGenerator, double others) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f%% / %.0f%% / %.0f%% / %.0f%%", service, database, loadGenerator, others);
        }
    }

    private final long servicePid;
    private final String databaseDirectory;
    private long busy0;
    private long total0;
    private Map<String, Long> groups0;

    CpuMeter(long servicePid, Path databaseDirectory) {
        this.servicePid = servicePid;
        this.databaseDirectory = databaseDirectory.toString();
    }

    void start() throws IOException {
        long[] machine = machine();
        busy0 = machine[0];
        total0 = machine[1];
        groups0 = groups();
    }

    Shares stop() throws IOException {
        long[] machine = machine();
        Map<String, Long> groups1 = groups();
        double total = machine[1] - total0;
        double busy = machine[0] - busy0;
        double service = delta(groups1, "service");
        double database = delta(groups1, "database");
        double generator = delta(groups1, "generator");
        double others = Math.max(0, busy - service - database - generator);
        return new Shares(100 * service / total, 100 * database / total, 100 * generator / total, 100 * others / total);
    }

    private double delta(Map<String, Long> now, String group) {
        return now.getOrDefault(group, 0L) - groups0.getOrDefault(group, 0L);
    }

    /** How busy the whole machine was over the next {@code millis}, in percent of all CPUs. */
    static double machineBusy(long millis) throws IOException {
        long[] before = machine();
        ServiceProcess.sleep(millis);
        long[] after = machine();
        return 100.0 * (after[0] - before[0]) / Math.max(1, after[1] - before[1]);
    }

    /** Busy and total jiffies over all CPUs. */
    private static long[] machine() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]), idle = Long.parseLong(f[4]);
        long iowait = Long.parseLong(f[5]), irq = Long.parseLong(f[6]), softirq = Long.parseLong(f[7]), steal = Long.parseLong(f[8]);
        long busy = user + nice + system + irq + softirq + steal;
        return new long[]{busy, busy + idle + iowait};
    }

    /** CPU jiffies used so far by the service, its database server processes and this JVM. */
    private Map<String, Long> groups() throws IOException {
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, Long> jiffies = new HashMap<>();
        Set<Long> postmasters = new HashSet<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path proc : procs) {
                try {
                    long pid = Long.parseLong(proc.getFileName().toString());
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    parents.put(pid, Long.parseLong(f[1]));
                    jiffies.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmdline.contains(databaseDirectory)) postmasters.add(pid);
                } catch (IOException | RuntimeException e) {
                    // the process ended while being read
                }
            }
        }
        long self = ProcessHandle.current().pid();
        Map<String, Long> groups = new HashMap<>();
        for (Map.Entry<Long, Long> p : jiffies.entrySet()) {
            String group = p.getKey() == self ? "generator"
                    : p.getKey() == servicePid ? "service"
                    : descendsFrom(p.getKey(), postmasters, parents) ? "database" : null;
            if (group != null) groups.merge(group, p.getValue(), Long::sum);
        }
        return groups;
    }

    private static boolean descendsFrom(long pid, Set<Long> roots, Map<Long, Long> parents) {
        for (int depth = 0; depth < 5 && pid > 1; depth++) {
            if (roots.contains(pid)) return true;
            pid = parents.getOrDefault(pid, 0L);
        }
        return false;
    }

    /** The machine and how the service was started: the first lines of every benchmark report. */
    static List<String> header(String heap) throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> String.format(Locale.ROOT, "%.0f GB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .findFirst().orElse("?");
        return List.of(String.format(Locale.ROOT, "Machine: %d CPUs (%s), %s RAM, Java %s (%s).",
                        Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("java.version"),
                        System.getProperty("java.vm.name")),
                "", "Service: `" + ServiceProcess.commandLine(heap) + "`, embedded PostgreSQL.");
    }
}

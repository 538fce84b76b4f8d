package kupon.running;

import kupon.support.ServiceProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code make run} as a user runs it, its output going to a file: with the service built, it does not build again;
 * it says "Listening on" once, when it is; the file holds no terminal colour codes; Ctrl-C (SIGINT to the whole
 * process group, as a terminal sends it) stops it cleanly, without a make error or a warning from a half-stopped service.
 */
class MakeRunIT {

    @Test
    void makeRunStartsWithoutRebuildingSaysListeningOnceAndStopsCleanlyOnCtrlC() throws Exception {
        Assumptions.assumeTrue(commandExists("make") && commandExists("setsid"), "make and setsid are needed to run make run");
        Assumptions.assumeFalse(interruptIgnored(), "this JVM was started with SIGINT ignored (in the background), so its"
                + " children would ignore Ctrl-C too: run the tests in the foreground to check it");
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "make-run-");
        Path log = work.resolve("make-run.log");
        ProcessBuilder builder = new ProcessBuilder("setsid", "make", "--no-print-directory", "run")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(ServiceProcess.freePort()));
        builder.environment().put("KUPON_EMBEDDED_DB_DIR", work.resolve("postgres").toString());
        builder.environment().put("KUPON_RULES_DIRECTORY", Path.of("rules").toAbsolutePath().toString());
        Process make = builder.start();
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!Files.readString(log).contains("Listening on:") && make.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(Files.readString(log)).as("make run output").contains("Listening on:");
            Thread.sleep(1000);
            new ProcessBuilder("kill", "-INT", "--", "-" + make.pid()).start().waitFor();
            assertThat(make.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute of Ctrl-C").isTrue();
        } finally {
            make.destroyForcibly();
        }
        String output = Files.readString(log);
        List<String> lines = output.lines().toList();
        assertThat(output).as("a build before starting").doesNotContain("Building Kupon");
        assertThat(lines.stream().filter(l -> l.contains("Listening on:"))).hasSize(1);
        assertThat(output).as("terminal colour codes").doesNotContain("\u001b");
        assertThat(output).doesNotContain("make: ***", "Error 130", "Error 143");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Kupon stopped.");
        assertThat(lines.stream().filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))).as("warnings and errors").isEmpty();
    }

    private static boolean commandExists(String command) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
    }

    /** Bit 2 of SigIgn in /proc/self/status: SIGINT ignored, and inherited by every child as ignored. */
    private static boolean interruptIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return false;
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:"))
                .map(l -> Long.parseLong(l.substring(7).strip(), 16)).anyMatch(mask -> (mask & 2L) != 0);
    }
}

package kupon.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** A copy of the shipped rules/ folder that tests may edit, so the real one is never touched. */
public class TestRulesFolder implements QuarkusTestResourceLifecycleManager {

    public static final Path ROOT = Path.of("target/test-rules").toAbsolutePath();

    @Override
    public Map<String, String> start() {
        reset();
        return Map.of("kupon.rules.directory", ROOT.toString());
    }

    /** Makes the folder an exact copy of rules/ again. */
    public static void reset() {
        try {
            if (Files.exists(ROOT)) {
                try (Stream<Path> walk = Files.walk(ROOT)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Path shipped = Path.of("rules").toAbsolutePath();
            try (Stream<Path> walk = Files.walk(shipped)) {
                for (Path source : walk.toList()) {
                    Path target = ROOT.resolve(shipped.relativize(source).toString());
                    if (Files.isDirectory(source)) Files.createDirectories(target);
                    else Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}

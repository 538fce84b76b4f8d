package kupon.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** No main source file grows past 400 lines: a file that long does more than one job (docs/architecture.md). */
class SourceSizeTest {

    private static final int MAX_LINES = 400;

    @Test
    void everyMainSourceFileFitsIn400Lines() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".java")).filter(SourceSizeTest::tooLong).map(Path::toString))
                    .as("main source files over " + MAX_LINES + " lines: split them by their jobs").isEmpty();
        }
    }

    private static boolean tooLong(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count() > MAX_LINES;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

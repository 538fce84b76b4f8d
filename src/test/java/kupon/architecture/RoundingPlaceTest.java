package kupon.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Money is rounded in one place, {@code kupon.pricing.Rounding}: no other main class names a rounding mode, divides or sets a scale. */
class RoundingPlaceTest {

    private static final Path ROUNDING = Path.of("src/main/java/kupon/pricing/Rounding.java");
    private static final Pattern ROUNDS = Pattern.compile("RoundingMode\\.[A-Z_]+|[a-z]\\.divide\\(\\w|BigDecimal\\.divide|MathContext");

    @Test
    void onlyRoundingRounds() throws IOException {
        List<String> rounding = mainClassesOtherThanRounding(ROUNDS);
        assertThat(rounding).as("classes that round money themselves: go through kupon.pricing.Rounding").isEmpty();
        assertThat(ROUNDS.matcher(read(ROUNDING)).find()).isTrue();
    }

    @Test
    void onlyRoundingSetsAScale() throws IOException {
        List<String> rescaling = mainClassesOtherThanRounding(Pattern.compile("\\.setScale\\("));
        assertThat(rescaling).as("classes that set a scale themselves: use Rounding.exact, atLeast, atMost or round").isEmpty();
    }

    private static List<String> mainClassesOtherThanRounding(Pattern code) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.equals(ROUNDING))
                    .filter(f -> code.matcher(read(f)).find()).map(Path::toString).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package kupon.rules.decisiontable;

import kupon.rules.RuleSetCompiler;
import kupon.rules.source.RuleError;
import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleSourceKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A quote in a CSV cell is never dropped: it is read as RFC 4180 says, or refused at its cell. */
class CsvQuotesTest {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();

    private static List<RuleError> errors(String csv) {
        RuleSetCompiler.Outcome outcome = COMPILER.compile(List.of(RuleSource.of("grid.csv", RuleSourceKind.CSV, csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(outcome).isInstanceOf(RuleSetCompiler.Outcome.Failed.class);
        return ((RuleSetCompiler.Outcome.Failed) outcome).errors();
    }

    private static String shipped() throws IOException {
        return Files.readString(Path.of("rules/tables/segment-grid.csv"));
    }

    @Test
    void aBareQuoteInACellIsRefusedAtThatCell() throws IOException {
        String csv = shipped().replace("Gold members: 10% off paper", "Gold \"VIP\": 10% off paper");
        assertThat(errors(csv)).first().satisfies(e -> {
            assertThat(e.cell()).isEqualTo("F11");
            assertThat(e.message()).contains("A quote inside this cell").contains("double the quote");
        });
        assertThat(errors(csv)).allSatisfy(e -> assertThat(e.cell()).isEqualTo("F11"));
    }

    @Test
    void aQuoteThatNeverClosesDoesNotSwallowTheCellsAfterIt() throws IOException {
        String csv = shipped().replace("Gold members: 10% off paper", "\"Gold members: 10% off paper");
        assertThat(errors(csv)).first().satisfies(e -> {
            assertThat(e.cell()).isEqualTo("F11");
            assertThat(e.message()).contains("does not close on its line");
        });
        assertThat(errors(csv)).allSatisfy(e -> assertThat(e.cell()).isEqualTo("F11"));
    }

    @Test
    void aProperlyQuotedQuoteIsReadAndThenRefusedAsTextNeverHoldsQuotes() throws IOException {
        String csv = shipped().replace("Gold members: 10% off paper", "\"Gold \"\"VIP\"\": 10% off paper\"");
        assertThat(errors(csv)).singleElement().satisfies(e -> {
            assertThat(e.cell()).isEqualTo("F11");
            assertThat(e.message()).contains("quotes");
        });
    }
}

package kupon.customers;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Worked examples of "one per household": two shipping addresses are one household when their normalized street
 * lines, postal code and country are the same. Each row: line1, line2, postal code, country of each address.
 */
class HouseholdAddressTest {

    private static String hash(String line1, String line2, String postal, String country) {
        return HouseholdAddress.hash(line1, line2, postal, "Springfield", null, country);
    }

    @ParameterizedTest(name = "{0} / {1} is {4} / {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            12 Main Street          | Apt 4B       | 94105      | US | 12 main st             | apt 4b   | 94105      | US
            12 Main St.             | Apartment 4-B| 94105      | US | 12 Main St             | #4B      | 94105      | US
            12 Main St Unit 4b      | -            | 94105      | US | 12  MAIN  ST   APT 4B  | -        | 94105      | US
            12 Main St              | Apt 4B       | 94105      | US | 12 Main St Apt 4B      | -        | 94105      | US
            400 North Avenue        | -            | 10001      | US | 400 N Ave              | -        | 10001      | US
            5 Baker Road            | -            | 10001      | US | 5 Baker Rd.            | -        | 10001      | us
            7 Elm Drive             | Suite 200    | 94105-1234 | US | 7 elm dr               | ste 200  | 94105      | US
            10 Downing Street       | -            | sw1a 2aa   | GB | 10 Downing St          | -        | SW1A2AA    | GB
            3 Rue de l’Église       | -            | 75001      | FR | 3 RUE DE L'EGLISE      | -        | 75001      | FR
            100 Sunset Boulevard    | Unit #12     | 90028      | US | 100 sunset blvd        | No. 12   | 90028      | US
            8 O'Hara Lane           | Floor 3      | 60601      | US | 8 OHara Ln             | Fl 3     | 60601      | US
            """)
    void theSameHousehold(String line1, String line2, String postal, String country,
                          String otherLine1, String otherLine2, String otherPostal, String otherCountry) {
        assertThat(hash(line1, line2, postal, country)).isNotNull().isEqualTo(hash(otherLine1, otherLine2, otherPostal, otherCountry));
    }

    @ParameterizedTest(name = "{0} / {1} is not {4} / {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            12 Main St              | Apt 4B       | 94105      | US | 12 Main St             | Apt 4C   | 94105      | US
            12 Main St              | -            | 94105      | US | 14 Main St             | -        | 94105      | US
            12 Main St              | -            | 94105      | US | 12 Main Ave            | -        | 94105      | US
            12 Main St              | -            | 94105      | US | 12 Main St             | -        | 94107      | US
            12 Main St              | -            | 94105      | US | 12 Main St             | -        | 94105      | CA
            12 Main St              | -            | 94105      | US | 12 Main St             | Apt 4    | 94105      | US
            12 North St             | -            | 94105      | US | 12 South St            | -        | 94105      | US
            1 Main St               | Apt 12       | 94105      | US | 12 Main St             | Apt 1    | 94105      | US
            """)
    void anotherHousehold(String line1, String line2, String postal, String country,
                          String otherLine1, String otherLine2, String otherPostal, String otherCountry) {
        assertThat(hash(line1, line2, postal, country)).isNotEqualTo(hash(otherLine1, otherLine2, otherPostal, otherCountry));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            12 Main Street, Apartment 4-B | 12 main st unit 4b
            Unit #4, 9 West Road          | unit 4 9 w rd
            """)
    void theStreetLinesAsNormalized(String line, String normalized) {
        assertThat(HouseholdAddress.street(line, null)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -      | -
            '   '  | -
            ',.;'  | -
            """)
    void noStreetLineIsNoHousehold(String line1, String line2) {
        assertThat(HouseholdAddress.hash(line1, line2, "94105", null, null, "US")).isNull();
    }

    @Provide
    Arbitrary<List<String>> streets() {
        Arbitrary<String> word = Arbitraries.of("12", "4b", "Main", "Street", "St", "Apt", "Apartment", "North", "Elm", "Unit", "#7", "Road");
        return word.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 300)
    void caseSpacingAndPunctuationBetweenWordsNeverMatter(@ForAll("streets") List<String> words,
                                                           @ForAll("separators") String separator) {
        String plain = String.join(" ", words);
        String written = String.join(separator, words.stream().map(w -> w.length() % 2 == 0 ? w.toUpperCase(Locale.ROOT) : w).toList());
        assertThat(hash(written, null, "94105", "US")).isEqualTo(hash(plain, null, "94105", "US"));
        String normalized = HouseholdAddress.street(plain, null);
        assertThat(HouseholdAddress.street(normalized, null)).as("normalizing twice changes nothing").isEqualTo(normalized);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", "  ", ", ", " . ", "\t", " ; ", " / ");
    }
}

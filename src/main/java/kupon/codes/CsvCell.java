package kupon.codes;

/**
 * One value of a CSV file as RFC 4180 writes it, and as a spreadsheet can open safely: quoted when it holds a quote,
 * comma or line break, and with a leading {@code '} when it starts like a formula ({@code =}, {@code +}, {@code -},
 * {@code @}), so opening the export never runs what a code happens to start with.
 */
public final class CsvCell {

    private CsvCell() {
    }

    public static String of(String value) {
        if (value == null || value.isEmpty()) return "";
        String text = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.chars().anyMatch(c -> c == '"' || c == ',' || c == '\n' || c == '\r');
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}

package kupon.customers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A shipping address as one household: "12 Main Street, Apartment 4-B" and "12 main st #4b" are the same one. The
 * street lines are folded (case, accents, punctuation, spacing), common words abbreviated one way (Street → st,
 * Apartment/Apt/Unit/Suite/# → unit, North → n, ...), the postal code stripped of spaces and dashes (a US ZIP+4 kept to
 * its five digits), and only a SHA-256 of the result is kept: Kupon never stores the address itself. City and region
 * count only when there is no postal code, since the postal code already places the street and they are written in
 * too many ways ("NYC", "New York").
 */
public final class HouseholdAddress {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern JOINERS = Pattern.compile("(?<=[\\p{L}\\p{N}])[-'’](?=[\\p{L}\\p{N}])");
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}#]+");
    private static final Map<String, String> WORDS = words();

    private HouseholdAddress() {
    }

    /** The household's hash, or null when the address has no street line to tell one household from another. */
    public static String hash(String line1, String line2, String postalCode, String city, String region, String country) {
        String street = street(line1, line2);
        if (street.isEmpty()) return null;
        String postal = postal(postalCode, country);
        String place = postal.isEmpty() ? street(city, region) : postal;
        String canonical = street + "|" + place + "|" + (country == null ? "" : country.strip().toUpperCase(Locale.ROOT));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The street lines as one canonical string, e.g. "12 main st unit 4b"; public for the worked examples. */
    public static String street(String line1, String line2) {
        String text = ((line1 == null ? "" : line1) + " " + (line2 == null ? "" : line2)).toLowerCase(Locale.ROOT);
        text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        // "4-B" is "4B" and "O'Hara" is "OHara": joined, so that "Apt 4-B" and "#4B" meet.
        text = JOINERS.matcher(text).replaceAll("");
        text = PUNCTUATION.matcher(text.replace("#", " # ")).replaceAll(" ");
        List<String> tokens = new ArrayList<>();
        for (String token : text.strip().split("\\s+")) {
            if (token.isEmpty()) continue;
            String word = WORDS.getOrDefault(token, token);
            // "Unit #4" and "Apt No 4" say the unit once.
            if (word.equals("unit") && !tokens.isEmpty() && tokens.get(tokens.size() - 1).equals("unit")) continue;
            tokens.add(word);
        }
        return String.join(" ", tokens);
    }

    private static String postal(String postalCode, String country) {
        if (postalCode == null) return "";
        String code = postalCode.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        boolean us = country == null || country.isBlank() || country.strip().equalsIgnoreCase("US");
        return us && code.matches("\\d{9}") ? code.substring(0, 5) : code;
    }

    private static Map<String, String> words() {
        Map<String, String> words = new java.util.HashMap<>();
        String[][] groups = {
                {"st", "street", "str"}, {"ave", "avenue", "av"}, {"rd", "road"}, {"blvd", "boulevard"}, {"dr", "drive"},
                {"ln", "lane"}, {"ct", "court"}, {"pl", "place"}, {"ter", "terrace"}, {"hwy", "highway"}, {"pkwy", "parkway"},
                {"cir", "circle"}, {"sq", "square"}, {"trl", "trail"}, {"way", "wy"},
                {"unit", "apt", "apartment", "suite", "ste", "flat", "#", "no", "number", "nr"}, {"fl", "floor", "flr"},
                {"bldg", "building"}, {"n", "north"}, {"s", "south"}, {"e", "east"}, {"w", "west"}, {"ne", "northeast"},
                {"nw", "northwest"}, {"se", "southeast"}, {"sw", "southwest"}, {"mt", "mount"}, {"ft", "fort"}};
        for (String[] group : groups) {
            for (String word : group) words.put(word, group[0]);
        }
        return Map.copyOf(words);
    }
}

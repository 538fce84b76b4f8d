package kupon.codes;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A pattern like {@code BF-####-####}: each {@code #} becomes a character drawn from the charset with
 * {@link SecureRandom}, everything else is kept as written.
 */
public record CodePattern(String pattern, String charset) {

    /** Upper-case letters and digits without the look-alikes 0/O, 1/I/L. */
    public static final String DEFAULT_CHARSET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /** Requests for more than a tenth of the possible codes are refused: collisions would make generation crawl and codes guessable. */
    public static final int SPACE_FACTOR = 10;

    public int placeholders() {
        return (int) pattern.chars().filter(c -> c == '#').count();
    }

    /** How many different codes the pattern can make. */
    public BigInteger possibleCodes() {
        return BigInteger.valueOf(distinctCharacters().size()).pow(placeholders());
    }

    public boolean canMake(long count) {
        return possibleCodes().compareTo(BigInteger.valueOf(count).multiply(BigInteger.valueOf(SPACE_FACTOR))) >= 0;
    }

    public Set<Character> distinctCharacters() {
        Set<Character> characters = new LinkedHashSet<>();
        charset.chars().forEach(c -> characters.add((char) c));
        return characters;
    }

    public String next(SecureRandom random) {
        char[] alphabet = charset.toCharArray();
        StringBuilder code = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            code.append(c == '#' ? alphabet[random.nextInt(alphabet.length)] : c);
        }
        return PromoCode.normalize(code.toString());
    }
}

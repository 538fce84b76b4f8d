package kupon.rules.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Finds the unclosed bracket or string that a parser would only notice lines later (at the next rule, or at the end
 * of the file), so that the author is sent to where the mistake is: "this ( is never closed" at the bracket, not
 * "mismatched input '$line'" on the line after it. Strings, character literals and comments are skipped.
 */
final class Punctuation {

    /** A mistake at a 0-based offset of the file. */
    record Mistake(int offset, String message) {
    }

    private Punctuation() {
    }

    /** The first punctuation mistake in the file, or null when brackets pair up and every string closes on its line. */
    static Mistake check(String source) {
        Deque<Integer> open = new ArrayDeque<>();
        int i = 0;
        int length = source.length();
        while (i < length) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < length && source.charAt(i + 1) == '/') {
                while (i < length && source.charAt(i) != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < length && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                if (end < 0) return new Mistake(i, "this comment is never closed: end it with */");
                i = end + 2;
                continue;
            }
            if (c == '"' || c == '\'') {
                int end = closing(source, i);
                if (end < 0) {
                    return new Mistake(i, "this string is not closed on its line: add the closing " + c + " (strings cannot span lines)");
                }
                i = end + 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') open.push(i);
            if (c == ')' || c == ']' || c == '}') {
                if (open.isEmpty()) return new Mistake(i, "this " + c + " closes nothing: remove it or add the " + opening(c) + " it closes");
                char opened = source.charAt(open.pop());
                if (opened != opening(c)) return new Mistake(i, "this " + c + " does not close the " + opened + " before it: add " + closing(opened) + " first");
            }
            i++;
        }
        // The unclosed bracket nearest the end: brackets after it pair up, so it is the one the author forgot.
        if (!open.isEmpty()) {
            int at = open.peek();
            char opened = source.charAt(at);
            return new Mistake(at, "this " + opened + " is never closed: add the " + closing(opened) + " that ends it");
        }
        return null;
    }

    /** The offset of the quote that closes the string opened at {@code start}, or -1 if the line ends first. */
    private static int closing(String source, int start) {
        char quote = source.charAt(start);
        for (int i = start + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            } else if (c == '\n' || c == '\r') {
                return -1;
            }
        }
        return -1;
    }

    private static char opening(char closing) {
        return closing == ')' ? '(' : closing == ']' ? '[' : '{';
    }

    private static char closing(char opening) {
        return opening == '(' ? ')' : opening == '[' ? ']' : '}';
    }
}

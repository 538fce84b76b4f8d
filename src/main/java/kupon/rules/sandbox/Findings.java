package kupon.rules.sandbox;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import kupon.rules.source.RuleError;

import java.util.ArrayList;
import java.util.List;

/** The violations found in one file, each at the line and column of the author's file. */
final class Findings {

    /**
     * Where a piece of code (a constraint, a consequence) starts in the file: 1-based line and column, and
     * the line of the parsed text the piece starts on (2 for a block Drools wraps as "{\n...\n}").
     */
    record Origin(int line, int column, int firstParsedLine) {

        Origin(int line, int column) {
            this(line, column, 1);
        }

        /** The same start, for a piece that Drools parses wrapped in a block. */
        Origin inBlock() {
            return new Origin(line, column, 2);
        }

        /** A position inside the parsed piece (1-based, as JavaParser gives it) as a position in the file. */
        Origin plus(Position inner) {
            if (inner.line <= firstParsedLine) return new Origin(line, column + Math.max(0, inner.column - 1));
            return new Origin(line + inner.line - firstParsedLine, inner.column);
        }
    }

    private final String file;
    private final String source;
    private final List<RuleError> errors = new ArrayList<>();

    Findings(String file, String source) {
        this.file = file;
        this.source = source;
    }

    /** How many violations were found so far. */
    int count() {
        return errors.size();
    }

    void at(Origin origin, String message) {
        errors.add(new RuleError(file, origin.line(), origin.column(), message));
    }

    void at(Origin origin, Node node, String message) {
        at(node.getBegin().map(origin::plus).orElse(origin), message);
    }

    /** The file position of a 0-based character offset. */
    Origin ofOffset(int offset) {
        int line = 1, lineStart = 0;
        for (int i = 0; i < Math.min(offset, source.length()); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Origin(line, offset - lineStart + 1);
    }

    /**
     * Where {@code snippet} (code Drools took from the file) starts, searching from {@code from}; the
     * fallback when the text cannot be found as it is (it then points at the construct it belongs to).
     */
    Origin find(String snippet, int from, Origin fallback) {
        int at = snippet.isEmpty() ? -1 : source.indexOf(snippet, Math.max(0, from));
        return at < 0 ? fallback : ofOffset(at);
    }

    /** The 0-based offset of a 1-based line and a 0-based column, as the DRL parser reports them. */
    int offsetOf(int line, int column0) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = source.indexOf('\n', offset);
            if (offset >= 0) offset++;
        }
        return offset < 0 ? 0 : offset + Math.max(0, column0);
    }

    /** A short excerpt of rule text for a message, so an error never repeats a huge input. */
    static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<RuleError> errors() {
        return List.copyOf(errors);
    }
}

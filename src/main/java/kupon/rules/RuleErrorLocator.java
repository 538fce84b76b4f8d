package kupon.rules;

import kupon.rules.source.RuleError;
import org.kie.api.builder.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Drools build messages into errors located in the files people wrote. The executable model
 * reports some errors without a line (an unknown fact type) and errors in a consequence against the
 * Java it generated; both are traced back to the rule file's line and column here. Errors in the DRL
 * a decision table became are then traced on to the spreadsheet cell.
 */
final class RuleErrorLocator {

    private static final String RESOURCES = "src/main/resources/";
    private static final String GENERATED_SOURCE = "Java source of ";
    private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");
    private static final Pattern NAMED_SYMBOL = Pattern.compile("(?:class|type|method|field|variable)[: ]+\\s*([A-Za-z_$][\\w$.]*)");

    private final Map<String, String> sourcesByName = new HashMap<>();
    private final Map<String, CompiledSource> byResource = new HashMap<>();

    RuleErrorLocator(List<CompiledSource> sources) {
        sources.forEach(s -> {
            sourcesByName.put(s.resource(), s.drl());
            byResource.put(s.resource(), s);
        });
    }

    List<RuleError> locate(List<Message> messages) {
        Map<String, String> generated = new HashMap<>();
        for (Message message : messages) {
            String text = message.getText();
            if (text.startsWith(GENERATED_SOURCE)) {
                int colon = text.indexOf(" in error:\n");
                if (colon > 0) generated.put(text.substring(GENERATED_SOURCE.length(), colon), text.substring(colon + 11));
            }
        }
        List<RuleError> errors = new ArrayList<>();
        for (Message message : messages) {
            String text = message.getText().trim();
            if (text.startsWith(GENERATED_SOURCE)) continue;
            errors.add(inSource(locate(message, plain(text), generated)));
        }
        // "Parser returned a null Package" only repeats that a file had parse errors already listed.
        if (errors.size() > 1) {
            errors.removeIf(e -> e.message().startsWith("Parser returned a null Package"));
        }
        return errors;
    }

    private RuleError locate(Message message, String text, Map<String, String> generated) {
        String path = message.getPath() == null ? "" : message.getPath();
        String name = path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
        if (sourcesByName.containsKey(name)) {
            int line = Math.max(message.getLine(), 0);
            int column = Math.max(message.getColumn(), 0);
            Matcher position = PARSER_POSITION.matcher(text);
            if (position.find()) {
                line = Integer.parseInt(position.group(1));
                column = Integer.parseInt(position.group(2)) + 1;
            }
            if (line == 0) {
                int[] found = symbolPosition(sourcesByName.get(name), text);
                if (found != null) return new RuleError(name, found[0], found[1], text);
            }
            return new RuleError(name, line, column, text);
        }
        String generatedSource = generated.get(path);
        if (generatedSource != null && message.getLine() > 0) {
            String[] lines = generatedSource.split("\n", -1);
            if (message.getLine() <= lines.length) {
                String statement = lines[message.getLine() - 1].trim();
                for (Map.Entry<String, String> source : sourcesByName.entrySet()) {
                    int[] found = textPosition(source.getValue(), statement);
                    if (found != null) return new RuleError(source.getKey(), found[0], found[1], text);
                }
            }
        }
        return new RuleError("(generated code)", 0, 0, text);
    }

    /**
     * A build message as one or two sentences: Drools may append the offending code, a cause's stack trace or a
     * class name; none of that helps an author, and none of it may reach an answer.
     */
    static String plain(String text) {
        String message = text;
        int trace = message.indexOf("\n\tat ");
        if (trace >= 0) message = message.substring(0, trace);
        int blank = message.indexOf("\n\n");
        if (blank >= 0) message = message.substring(0, blank);
        message = message.replaceAll("\\s*\\n\\s*", " ").replaceAll("(?:[a-z]+\\.)+([A-Z]\\w*(?:Exception|Error))", "$1").strip();
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    /** The error named after the source file, and for a decision table located at its cell. */
    private RuleError inSource(RuleError error) {
        CompiledSource source = byResource.get(error.file());
        if (source == null) return error;
        if (source.cells() != null) return source.cells().locate(new RuleError(source.file(), error.line(), error.column(), error.message()));
        return new RuleError(source.file(), error.line(), error.column(), error.message());
    }

    /** Where the symbol an error names (e.g. "Unable to find class: Lnie") first appears as a word. */
    private static int[] symbolPosition(String source, String message) {
        Matcher symbol = NAMED_SYMBOL.matcher(message);
        if (!symbol.find()) return null;
        Matcher word = Pattern.compile("\\b" + Pattern.quote(symbol.group(1)) + "\\b").matcher(source);
        return word.find() ? position(source, word.start()) : null;
    }

    private static int[] textPosition(String source, String statement) {
        if (statement.isEmpty()) return null;
        int at = source.indexOf(statement);
        return at < 0 ? null : position(source, at);
    }

    private static int[] position(String source, int offset) {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }
}

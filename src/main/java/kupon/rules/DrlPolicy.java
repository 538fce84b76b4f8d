package kupon.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a DRL file may use. A consequence is Java, so before anything is compiled the file is checked
 * against an allow-list of imports and a deny-list of what could touch the process, files, network,
 * threads or reflection. Comments and string literals are blanked first, so a rule named "System
 * check" is fine and {@code System.exit} hidden in a comment is not even looked at.
 */
public final class DrlPolicy {

    private static final Set<String> ALLOWED_IMPORT_PREFIXES = Set.of(
            "kupon.rules.model.", "kupon.rules.api.", "java.time.", "java.math.BigDecimal", "java.util.List",
            "java.util.Set", "java.util.Map", "java.util.Collection", "java.util.Locale");

    /** Words that have no business in a pricing rule. */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(System|Runtime|ProcessBuilder|Process|Thread|ThreadGroup|ClassLoader|Class\\s*\\.\\s*forName|getClass"
                    + "|reflect|invoke|Unsafe|ScriptEngine|JNDI|InitialContext|exec|exit|halt|setSecurityManager"
                    + "|java\\s*\\.\\s*(io|nio|net|lang\\s*\\.\\s*reflect|lang\\s*\\.\\s*invoke|util\\s*\\.\\s*concurrent|sql|rmi)"
                    + "|javax|sun|jdk|com\\s*\\.\\s*sun|File|Files|Paths|Socket|URL|URI|HttpClient|Executors|ForkJoinPool"
                    + "|kcontext|drools\\s*\\.\\s*(getKieRuntime|getKnowledgeRuntime|getWorkingMemory|halt))\\b");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+|function\\s+)?([\\w.*$]+)\\s*;?", Pattern.MULTILINE);

    private DrlPolicy() {
    }

    /** Every violation in {@code source}, located; empty when the file may be compiled. */
    public static List<RuleError> check(String fileName, String source) {
        String code = blankCommentsAndStrings(source);
        List<RuleError> errors = new ArrayList<>();
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            String imported = imports.group(1);
            if (ALLOWED_IMPORT_PREFIXES.stream().noneMatch(imported::startsWith)) {
                errors.add(at(fileName, source, imports.start(1), "import " + imported + " is not allowed in rules; allowed are "
                        + "kupon.rules.model.*, kupon.rules.api.*, java.time.* and java.math.BigDecimal"));
            }
        }
        Matcher forbidden = FORBIDDEN.matcher(code);
        while (forbidden.find()) {
            if (insideImport(code, forbidden.start())) continue;
            errors.add(at(fileName, source, forbidden.start(), "'" + forbidden.group().replaceAll("\\s+", "")
                    + "' is not allowed in rules: a rule may only read facts and call actions"));
        }
        return errors;
    }

    private static boolean insideImport(String code, int offset) {
        int lineStart = code.lastIndexOf('\n', offset) + 1;
        int lineEnd = code.indexOf('\n', offset);
        return code.substring(lineStart, lineEnd < 0 ? code.length() : lineEnd).stripLeading().startsWith("import");
    }

    private static RuleError at(String fileName, String source, int offset, String message) {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new RuleError(fileName, line, offset - lineStart + 1, message);
    }

    /** The same text with comments and string/char literals replaced by spaces, keeping every offset. */
    static String blankCommentsAndStrings(String source) {
        char[] out = source.toCharArray();
        int i = 0;
        while (i < out.length) {
            char c = out[i];
            char next = i + 1 < out.length ? out[i + 1] : 0;
            if (c == '/' && next == '/') {
                while (i < out.length && out[i] != '\n') out[i++] = ' ';
            } else if (c == '/' && next == '*') {
                while (i < out.length && !(out[i] == '*' && i + 1 < out.length && out[i + 1] == '/')) {
                    if (out[i] != '\n') out[i] = ' ';
                    i++;
                }
                if (i < out.length) out[i++] = ' ';
                if (i < out.length) out[i++] = ' ';
            } else if (c == '"' || c == '\'') {
                char quote = c;
                i++;
                while (i < out.length && out[i] != quote && out[i] != '\n') {
                    if (out[i] == '\\' && i + 1 < out.length) out[i++] = ' ';
                    out[i++] = ' ';
                }
                i++;
            } else {
                i++;
            }
        }
        return new String(out);
    }
}

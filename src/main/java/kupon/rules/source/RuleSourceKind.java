package kupon.rules.source;

import java.util.Locale;

/** What a rule source is written in: DRL, or a decision table as an Excel workbook or a CSV file. */
public enum RuleSourceKind {
    DRL(".drl"),
    XLSX(".xlsx"),
    CSV(".csv");

    private final String extension;

    RuleSourceKind(String extension) {
        this.extension = extension;
    }

    /** Decision tables are converted to DRL, after their header rows and cells are checked, before compiling. */
    public boolean isDecisionTable() {
        return this != DRL;
    }

    /** The kind a file name stands for, or null for files that are not rule sources. */
    public static RuleSourceKind ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (RuleSourceKind kind : values()) {
            if (lower.endsWith(kind.extension)) return kind;
        }
        return null;
    }
}

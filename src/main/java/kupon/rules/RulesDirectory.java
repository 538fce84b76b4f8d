package kupon.rules;

import kupon.rules.source.RuleSourceKind;
import kupon.rules.source.RuleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code rules/} folder: every rule file under it (DRL files and {@code .xlsx}/{@code .csv} decision
 * tables), and a cheap fingerprint to notice edits.
 */
public final class RulesDirectory {

    private final Path root;

    public RulesDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** All rule files, sorted by their path relative to the folder (so the content hash is stable). */
    public List<RuleSource> read() {
        List<RuleSource> sources = new ArrayList<>();
        for (Path file : ruleFiles()) {
            try {
                sources.add(RuleSource.of(relativeName(file), RuleSourceKind.ofFileName(file.toString()), Files.readAllBytes(file)));
            } catch (IOException e) {
                // A file deleted between listing and reading is simply no longer part of the rule set.
                if (Files.exists(file)) throw new UncheckedIOException("Cannot read rule file " + file, e);
            }
        }
        return sources;
    }

    /** Names, sizes and modification times of the rule files: changes whenever a file is added, edited or removed. */
    public String fingerprint() {
        StringBuilder fingerprint = new StringBuilder();
        for (Path file : ruleFiles()) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                fingerprint.append(relativeName(file)).append('|').append(attributes.size()).append('|')
                        .append(attributes.lastModifiedTime().toMillis()).append('\n');
            } catch (IOException e) {
                fingerprint.append(relativeName(file)).append("|gone\n");
            }
        }
        return fingerprint.toString();
    }

    private List<Path> ruleFiles() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> RuleSourceKind.ofFileName(p.getFileName().toString()) != null)
                    .filter(p -> !isEditorFile(p.getFileName().toString()))
                    .sorted(Comparator.comparing(this::relativeName))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            // Files vanishing mid-walk (an editor's swap file) are retried on the next scan.
            return List.of();
        }
    }

    /** Hidden files and the lock files spreadsheet programs keep next to an open workbook ({@code ~$tiers.xlsx}). */
    private static boolean isEditorFile(String name) {
        return name.startsWith(".") || name.startsWith("~$");
    }

    private String relativeName(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}

package kupon.rules;

import jakarta.enterprise.context.ApplicationScoped;
import kupon.rules.decisiontable.DecisionTableConverter;
import kupon.rules.decisiontable.DecisionTableConverter.Conversion.GeneratedRule;
import kupon.rules.source.RuleError;
import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleSourceKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What authors do to the rule set: upload a file (compiled with everything else first, or only tried as a draft),
 * remove one, activate an older version, reload. Who may do what is decided by the caller; this says what
 * happened.
 */
@ApplicationScoped
public class RuleSetAuthoring {

    /** The outcome of an upload. */
    public sealed interface Upload {
        /** The candidate rule set does not compile; nothing was stored. */
        record Rejected(List<RuleError> errors) implements Upload {
        }

        /** A dry run that compiled, kept as a draft for simulation. */
        record Drafted(String draftId, List<RuleSource> sources, List<GeneratedRule> generatedRules) implements Upload {
        }

        /** Stored and reloaded; {@code result} says whether the rule set now serving took it. */
        record Stored(Long version, List<RuleSource> sources, ReloadResult result, List<GeneratedRule> generatedRules) implements Upload {
        }
    }

    /** The outcome of activating a version. */
    public sealed interface Activation {
        record NoSuchVersion() implements Activation {
        }

        /** The version's DRL files differ from those serving, and the caller may not change DRL. */
        record ChangesDrl() implements Activation {
        }

        /** The version's rule files serve again ({@code restores}); {@code result} is the version now serving. */
        record Reloaded(long restores, ReloadResult result) implements Activation {
        }
    }

    private final ActiveRuleSet ruleSets;
    private final RuleSourceStore store;
    private final RuleSetVersionRepository versions;

    public RuleSetAuthoring(ActiveRuleSet ruleSets, RuleSourceStore store, RuleSetVersionRepository versions) {
        this.ruleSets = ruleSets;
        this.store = store;
        this.versions = versions;
    }

    public Upload upload(String fileName, RuleSourceKind kind, byte[] content, String uploadedBy, boolean dryRun) {
        RuleSource uploaded = RuleSource.of(RuleSourceStore.UPLOADED + fileName, kind, content);
        List<RuleSource> candidate = new ArrayList<>(ruleSets.liveSources().stream().filter(s -> !s.name().equals(uploaded.name())).toList());
        candidate.add(uploaded);
        if (ruleSets.compileChecked(candidate) instanceof RuleSetCompiler.Outcome.Failed failed) {
            return new Upload.Rejected(failed.errors());
        }
        if (dryRun) {
            return new Upload.Drafted(store.saveDraft(candidate), candidate, generatedRules(uploaded));
        }
        store.upload(fileName, kind, content, uploadedBy);
        ReloadResult result = ruleSets.reload(VersionCause.of(VersionCause.Kind.UPLOAD, uploadedBy));
        return new Upload.Stored(ruleSets.current().map(RuleSet::version).orElse(null), candidate, result, generatedRules(uploaded));
    }

    /** For a decision table, the rules it became (it compiled, so it converts); empty for DRL. */
    public static List<GeneratedRule> generatedRules(RuleSource source) {
        if (!source.kind().isDecisionTable()) return List.of();
        return DecisionTableConverter.convert(source) instanceof DecisionTableConverter.Conversion.Converted converted
                ? converted.rules() : List.of();
    }

    /** The kind of an uploaded file of that name, if there is one. */
    public Optional<RuleSourceKind> uploadedKind(String name) {
        return store.kindOf(name);
    }

    /** An uploaded file as it serves, to download. */
    public Optional<RuleSource> uploadedFile(String name) {
        return store.uploadedFile(name);
    }

    /** The file a dry run tried, by the name it was uploaded as; empty when the draft or the file is not known. */
    public Optional<RuleSource> draftFile(String draftId, String fileName) {
        return store.draft(draftId).flatMap(sources -> sources.stream()
                .filter(s -> s.name().equals(RuleSourceStore.UPLOADED + fileName)).findFirst());
    }

    /** Removes an uploaded file and reloads; empty when there was none. Like an upload, it ends a rollback. */
    public Optional<ReloadResult> delete(String name, String by) {
        return store.delete(name, by) ? Optional.of(ruleSets.reload(VersionCause.of(VersionCause.Kind.REMOVAL, by))) : Optional.empty();
    }

    /** Serves version {@code n}'s rule files again on every node; one that changes DRL needs {@code mayChangeDrl}. */
    public Activation activate(long n, boolean mayChangeDrl, String by) {
        RuleSetVersionEntity version = versions.findById(n);
        if (version == null) return new Activation.NoSuchVersion();
        List<RuleSet.SourceInfo> serving = ruleSets.current().map(RuleSet::sources).orElse(List.of());
        if (!mayChangeDrl && !drlFiles(version.sources).equals(drlFiles(serving))) return new Activation.ChangesDrl();
        store.pin(n, by);
        return new Activation.Reloaded(n, ruleSets.reload(VersionCause.rollback(by, n)));
    }

    /** What a reload did: the result, and the version a rollback had pinned, if the reload ended one. */
    public record Reload(ReloadResult result, Long endedRollbackTo) {
    }

    /** Rebuilds from the rules folder, uploads and promotions now; also ends a rollback. */
    public Reload reload(String by) {
        Long pinned = store.pinnedVersion().orElse(null);
        if (pinned != null) store.pin(null, by);
        return new Reload(ruleSets.reload(VersionCause.of(VersionCause.Kind.RELOAD, by)), pinned);
    }

    private static Set<String> drlFiles(List<RuleSet.SourceInfo> sources) {
        return sources.stream().filter(source -> source.kind() == RuleSourceKind.DRL)
                .map(source -> source.name() + "\0" + source.sha256()).collect(Collectors.toSet());
    }
}

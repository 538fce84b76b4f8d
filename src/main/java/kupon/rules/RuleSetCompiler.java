package kupon.rules;

import kupon.rules.source.RuleSourceKind;
import kupon.rules.source.RuleSource;
import kupon.rules.source.RuleError;
import kupon.rules.api.Actions;
import kupon.rules.decisiontable.DecisionTableConverter;
import kupon.rules.decisiontable.DecisionTableConverter.Conversion;
import kupon.rules.sandbox.GeneratedCodeCheck;
import kupon.rules.sandbox.RuleSandbox;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compiles rule sources into a KieBase with the Drools executable model, or reports every located error.
 * Decision tables are checked and converted to DRL first ({@link DecisionTableConverter}); their errors,
 * and errors Drools finds in the DRL they became, are located at the spreadsheet cell.
 */
public final class RuleSetCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong(System.currentTimeMillis());
    private static final String KMODULE = "<kmodule xmlns=\"http://www.drools.org/xsd/kmodule\"/>";

    /** The result of one compile: a KieBase, or the errors that prevent one. */
    public sealed interface Outcome {
        /** A KieBase, and the compiled module as a kjar that {@link #load} turns back into a KieBase without compiling. */
        record Compiled(KieBase kieBase, boolean declaresActions, CompiledModule module) implements Outcome {
        }

        record Failed(List<RuleError> errors) implements Outcome {
        }
    }

    /** A compiled rule module: its release version and kjar bytes. */
    public record CompiledModule(String releaseVersion, byte[] kjar) {
    }

    /**
     * What {@link RuleSandbox} refuses in the DRL files among {@code sources}: checked before anything is
     * compiled or loaded from a cache. Decision tables are checked again on the DRL they become, in {@link #compile}.
     */
    public static List<RuleError> sandboxViolations(List<RuleSource> sources) {
        List<RuleError> violations = new ArrayList<>();
        for (RuleSource source : sources) {
            if (source.kind() == RuleSourceKind.DRL) violations.addAll(RuleSandbox.check(source.name(), source.text()));
        }
        return violations;
    }

    /** Compiles {@code sources}, refusing first whatever the sandbox refuses; never touches what is serving. */
    public synchronized Outcome compile(List<RuleSource> sources) {
        List<RuleError> violations = sandboxViolations(sources);
        if (!violations.isEmpty()) return new Outcome.Failed(violations);
        try {
            List<RuleError> errors = new ArrayList<>();
            List<CompiledSource> compiled = new ArrayList<>();
            Map<String, String> ruleSets = new HashMap<>();
            for (RuleSource source : sources) {
                if (!source.kind().isDecisionTable()) {
                    compiled.add(CompiledSource.drl(source));
                    continue;
                }
                Conversion conversion = DecisionTableConverter.convert(source);
                if (conversion instanceof Conversion.Rejected rejected) {
                    errors.addAll(rejected.errors());
                    continue;
                }
                Conversion.Converted table = (Conversion.Converted) conversion;
                // A table only ever becomes the DRL its template allows; checking that DRL too costs little.
                List<RuleError> tableViolations = RuleSandbox.check(source.name(), table.drl());
                if (!tableViolations.isEmpty()) {
                    tableViolations.forEach(v -> errors.add(RuleError.inCell(source.name(), table.sheet(), table.ruleSetCell(),
                            "The DRL this table became is refused: " + v.message())));
                    continue;
                }
                // Rules of a table are named after its rows: two tables in one package would clash.
                String other = ruleSets.putIfAbsent(table.ruleSet(), source.name());
                if (other != null) {
                    errors.add(RuleError.inCell(source.name(), table.sheet(), table.ruleSetCell(), "The RuleSet " + table.ruleSet()
                            + " is already used by " + other + ": give each spreadsheet its own"));
                    continue;
                }
                compiled.add(CompiledSource.table(source, table.drl(), table.cells()));
            }
            if (errors.isEmpty()) {
                List<RuleError> tooMany = RuleCount.overLimit(compiled);
                if (!tooMany.isEmpty()) return new Outcome.Failed(tooMany);
            }
            Outcome built = build(compiled);
            if (built instanceof Outcome.Failed failed) errors.addAll(failed.errors());
            return errors.isEmpty() ? built : new Outcome.Failed(errors);
        } catch (RuntimeException e) {
            // Drools reports most problems as messages, but some inputs make the builder itself throw. Its message is
            // kept to one line, without the engine's class names; with a single file, the file is named.
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("").replaceAll("(?:[a-z]+\\.)+[A-Z]\\w*(Exception|Error):\\s*", "");
            if (message.length() > 300) message = message.substring(0, 300) + "...";
            String file = sources.size() == 1 ? sources.get(0).name() : "(rule set)";
            return new Outcome.Failed(List.of(new RuleError(file, 0, 0, "The rule compiler stopped: " + message
                    + ". Check the conditions' values against the fields' types (docs/rules.md \"Facts\").")));
        }
    }

    private Outcome build(List<CompiledSource> sources) {
        KieServices kie = KieServices.Factory.get();
        // Each build gets its own ReleaseId so a new rule set never mixes with the one serving.
        ReleaseId releaseId = kie.newReleaseId("kupon", "ruleset", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        files.writeKModuleXML(KMODULE);
        for (CompiledSource source : sources) {
            files.write(RESOURCES + source.resource(), source.drl().getBytes(StandardCharsets.UTF_8));
        }
        ClassLoader factsLoader = Actions.class.getClassLoader();
        KieBuilder builder = kie.newKieBuilder(files, factsLoader).buildAll(ExecutableModelProject.class);
        List<RuleError> errors = new RuleErrorLocator(sources).locate(builder.getResults().getMessages(Message.Level.ERROR));
        if (!errors.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            return new Outcome.Failed(errors);
        }
        byte[] kjar = ((InternalKieModule) builder.getKieModule()).getBytes();
        // Loading the module runs generated code (static initialisers), so its bytecode is checked first.
        List<RuleError> generated = GeneratedCodeCheck.violations(kjar, fileNames(sources));
        if (!generated.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            return new Outcome.Failed(generated);
        }
        KieContainer container = kie.newKieContainer(releaseId, factsLoader);
        KieBase kieBase = container.newKieBase(configuration(kie));
        // The container is only a way to the KieBase; keeping the module registered would leak one per reload.
        kie.getRepository().removeKieModule(releaseId);
        return new Outcome.Compiled(kieBase, declaresActions(kieBase), new CompiledModule(releaseId.getVersion(), kjar));
    }

    /** Turns a module compiled earlier (by any node, before any restart) back into a KieBase in a fraction of a compile. */
    public synchronized Optional<Outcome.Compiled> load(CompiledModule module) {
        KieServices kie = KieServices.Factory.get();
        ReleaseId releaseId = kie.newReleaseId("kupon", "ruleset", module.releaseVersion());
        Path jar = null;
        try {
            if (!GeneratedCodeCheck.violations(module.kjar(), "(compiled module cache)").isEmpty()) return Optional.empty();
            jar = Files.createTempFile("kupon-rules-", ".jar");
            Files.write(jar, module.kjar());
            InternalKieModule kieModule = InternalKieModule.createKieModule(releaseId, jar.toFile());
            if (kieModule == null) return Optional.empty();
            kie.getRepository().addKieModule(kieModule);
            ClassLoader factsLoader = Actions.class.getClassLoader();
            KieBase kieBase = kie.newKieContainer(releaseId, factsLoader).newKieBase(configuration(kie));
            kie.getRepository().removeKieModule(releaseId);
            return Optional.of(new Outcome.Compiled(kieBase, declaresActions(kieBase), module));
        } catch (IOException | RuntimeException e) {
            // A cached module that no longer loads (e.g. after an upgrade of Kupon) is simply compiled again.
            kie.getRepository().removeKieModule(releaseId);
            return Optional.empty();
        } finally {
            if (jar != null) jar.toFile().delete();
        }
    }

    /** A rule that throws on a cart is recorded and the others go on firing ({@link RuleFailures}). */
    private static org.kie.api.KieBaseConfiguration configuration(KieServices kie) {
        org.kie.api.KieBaseConfiguration configuration = kie.newKieBaseConfiguration();
        configuration.setOption(org.kie.internal.conf.ConsequenceExceptionHandlerOption.get(RuleFailures.class));
        return configuration;
    }

    private static String fileNames(List<CompiledSource> sources) {
        return String.join(", ", sources.stream().map(CompiledSource::file).toList());
    }

    private static boolean declaresActions(KieBase kieBase) {
        for (KiePackage pkg : kieBase.getKiePackages()) {
            if (pkg.getGlobalVariables().stream().anyMatch(g -> g.getName().equals("actions"))) {
                return true;
            }
        }
        return false;
    }
}

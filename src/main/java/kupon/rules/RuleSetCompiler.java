package kupon.rules;

import kupon.rules.api.Actions;
import kupon.rules.decisiontable.DecisionTableConverter;
import kupon.rules.decisiontable.DecisionTableConverter.Conversion;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieContainer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compiles rule sources into a KieBase with the Drools executable model, or reports every located error.
 * Decision tables are checked and converted to DRL first ({@link DecisionTableConverter}); their errors,
 * and errors Drools finds in the DRL they became, are located at the spreadsheet cell.
 */
public final class RuleSetCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();

    /** The result of one compile: a KieBase, or the errors that prevent one. */
    public sealed interface Outcome {
        record Compiled(KieBase kieBase, boolean declaresActions) implements Outcome {
        }

        record Failed(List<RuleError> errors) implements Outcome {
        }
    }

    public Outcome compile(List<RuleSource> sources) {
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
                // Rules of a table are named after its rows: two tables in one package would clash.
                String other = ruleSets.putIfAbsent(table.ruleSet(), source.name());
                if (other != null) {
                    errors.add(RuleError.inCell(source.name(), table.sheet(), table.ruleSetCell(), "The RuleSet " + table.ruleSet()
                            + " is already used by " + other + ": give each spreadsheet its own"));
                    continue;
                }
                compiled.add(CompiledSource.table(source, table.drl(), table.cells()));
            }
            Outcome built = build(compiled);
            if (built instanceof Outcome.Failed failed) errors.addAll(failed.errors());
            return errors.isEmpty() ? built : new Outcome.Failed(errors);
        } catch (RuntimeException e) {
            // Drools reports most problems as messages, but some inputs make the builder itself throw.
            return new Outcome.Failed(List.of(new RuleError("(rule set)", 0, 0, String.valueOf(e.getMessage()))));
        }
    }

    private Outcome build(List<CompiledSource> sources) {
        KieServices kie = KieServices.Factory.get();
        // Each build gets its own ReleaseId so a new rule set never mixes with the one serving.
        ReleaseId releaseId = kie.newReleaseId("kupon", "ruleset", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
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
        KieContainer container = kie.newKieContainer(releaseId, factsLoader);
        KieBase kieBase = container.getKieBase();
        // The container is only a way to the KieBase; keeping the module registered would leak one per reload.
        kie.getRepository().removeKieModule(releaseId);
        return new Outcome.Compiled(kieBase, declaresActions(kieBase));
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

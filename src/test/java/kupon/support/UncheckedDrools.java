package kupon.support;

import kupon.rules.api.Actions;
import kupon.rules.model.Line;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drools on its own, as Kupon never runs it: compiles DRL with no sandbox. Tests use it to show that a
 * hostile file really would do harm, and to try the bounds that stay in place behind the sandbox.
 */
public final class UncheckedDrools {

    private UncheckedDrools() {
    }

    public static KieBase compile(String drl) {
        return build(drl, false).kieBase();
    }

    /** The compiled module (kjar) of {@code drl}, as Kupon would check and cache it; nothing of it is loaded. */
    public static byte[] kjar(String drl) {
        return build(drl, true).kjar();
    }

    private record Built(KieBase kieBase, byte[] kjar) {
    }

    private static Built build(String drl, boolean bytesOnly) {
        KieServices kie = KieServices.Factory.get();
        ReleaseId release = kie.newReleaseId("kupon-test", "unchecked", "1.0." + UUID.randomUUID().toString().replace("-", ""));
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(release);
        files.write("src/main/resources/unchecked.drl", drl.getBytes(StandardCharsets.UTF_8));
        KieBuilder builder = kie.newKieBuilder(files, Actions.class.getClassLoader()).buildAll(ExecutableModelProject.class);
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).as("Drools alone compiles it").isEmpty();
        byte[] kjar = ((InternalKieModule) builder.getKieModule()).getBytes();
        KieBase kieBase = bytesOnly ? null : kie.newKieContainer(release, Actions.class.getClassLoader()).getKieBase();
        kie.getRepository().removeKieModule(release);
        return new Built(kieBase, kjar);
    }

    /** Compiles and fires {@code drl} once on one line of shoes. */
    public static void fire(String drl) {
        KieSession session = compile(drl).newKieSession();
        try {
            session.setGlobal("actions", new Actions());
            session.insert(new Line("l1", "SKU", null, "Shoe", List.of("shoes"), null, List.of(), 1, new BigDecimal("10.00"), false, true));
            session.fireAllRules();
        } finally {
            session.dispose();
        }
    }
}

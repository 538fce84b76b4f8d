package kupon.rules.sandbox;

import kupon.rules.api.Actions;
import kupon.rules.model.Line;
import org.drools.model.codegen.ExecutableModelProject;
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

/** Drools on its own, as Kupon never runs it: compiles a DRL file with no sandbox and fires it on one line. */
final class UncheckedDrools {

    private UncheckedDrools() {
    }

    static void fire(String drl) {
        KieServices kie = KieServices.Factory.get();
        ReleaseId release = kie.newReleaseId("kupon-test", "unchecked", "1.0." + UUID.randomUUID().toString().replace("-", ""));
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(release);
        files.write("src/main/resources/unchecked.drl", drl.getBytes(StandardCharsets.UTF_8));
        KieBuilder builder = kie.newKieBuilder(files, Actions.class.getClassLoader()).buildAll(ExecutableModelProject.class);
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).as("Drools alone compiles it").isEmpty();
        KieSession session = kie.newKieContainer(release, Actions.class.getClassLoader()).newKieSession();
        try {
            session.setGlobal("actions", new Actions());
            session.insert(new Line("l1", "SKU", null, "Shoe", List.of("shoes"), null, List.of(), 1, new BigDecimal("10.00"), false, true));
            session.fireAllRules();
        } finally {
            session.dispose();
            kie.getRepository().removeKieModule(release);
        }
    }
}

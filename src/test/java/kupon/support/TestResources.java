package kupon.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the database and rules folder for every @QuarkusTest, so they all share one application start. */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestRulesFolder.class, restrictToAnnotatedClass = false)
public final class TestResources {
    private TestResources() {
    }
}

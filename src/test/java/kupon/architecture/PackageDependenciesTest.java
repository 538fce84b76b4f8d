package kupon.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package structure docs/architecture.md describes, checked on the compiled main classes. */
class PackageDependenciesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kupon");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("kupon.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void pricingIsPureJava() {
        classes().that().resideInAPackage("kupon.pricing..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("kupon.pricing..", "java..")
                .check(MAIN);
    }

    @Test
    void onlyTheApiAndTheConsoleKnowTheApi() {
        // The console is a client of the API in the same process: it calls the resources, so it validates as they do.
        noClasses().that().resideOutsideOfPackages("kupon.api..", "kupon.console..")
                .should().dependOnClassesThat().resideInAPackage("kupon.api..")
                .check(MAIN);
    }

    @Test
    void evaluationAndWhatItUsesKnowNothingOfOrders() {
        noClasses().that().resideInAnyPackage("kupon.evaluation..", "kupon.limits..", "kupon.codes..",
                        "kupon.promotions..", "kupon.rules..", "kupon.customers..", "kupon.pricing..")
                .should().dependOnClassesThat().resideInAPackage("kupon.orders..")
                .check(MAIN);
    }

    @Test
    void analyticsAreToldByCheckoutAndKnowNothingOfOrders() {
        noClasses().that().resideInAnyPackage("kupon.evaluation..", "kupon.limits..", "kupon.codes..",
                        "kupon.promotions..", "kupon.rules..", "kupon.customers..", "kupon.pricing..", "kupon.fraud..")
                .should().dependOnClassesThat().resideInAPackage("kupon.analytics..")
                .check(MAIN);
        noClasses().that().resideInAPackage("kupon.analytics..")
                .should().dependOnClassesThat().resideInAPackage("kupon.orders..")
                .check(MAIN);
    }

    @Test
    void whatEvaluationUsesKnowsNothingOfEvaluation() {
        noClasses().that().resideInAnyPackage("kupon.limits..", "kupon.codes..", "kupon.promotions..",
                        "kupon.rules..", "kupon.customers..", "kupon.pricing..")
                .should().dependOnClassesThat().resideInAPackage("kupon.evaluation..")
                .check(MAIN);
    }
}

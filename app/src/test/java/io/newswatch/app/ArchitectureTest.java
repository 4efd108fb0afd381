package io.newswatch.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.newswatch.app.cli.ExitCodes;
import io.newswatch.app.cli.UsageException;
import io.newswatch.app.cli.Workspace;
import io.newswatch.app.options.CommonOptions;
import io.newswatch.app.options.EmbeddedBrokerOptions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/DEVELOPING.md, enforced on the production classes of every module (the app module's
 * test classpath holds them all): modules point one way, there is no cycle between modules nor between packages
 * (none exempted), and a module's {@code internal} packages are its own.
 */
@DisplayName("architecture: modules point one way, no cycles between modules or packages, internal stays internal")
class ArchitectureTest {

    private static final List<String> MODULES = List.of("core", "eventtime", "broker", "rules", "ingest", "enrich", "alerts", "app");

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        // Test classes are left out, from this module's test-classes and from the other modules' test jars alike.
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.newswatch");
    }

    private static String[] modulesOtherThan(String... allowed) {
        return MODULES.stream()
                .filter(m -> !List.of(allowed).contains(m))
                .map(m -> "io.newswatch." + m + "..")
                .toArray(String[]::new);
    }

    @Test
    @DisplayName("core, eventtime and broker depend on no other module of ours")
    void foundationsStandAlone() {
        noClasses().that().resideInAPackage("io.newswatch.core..").should().dependOnClassesThat()
                .resideInAnyPackage(modulesOtherThan("core")).check(production);
        noClasses().that().resideInAPackage("io.newswatch.eventtime..").should().dependOnClassesThat()
                .resideInAnyPackage(modulesOtherThan("eventtime")).check(production);
        noClasses().that().resideInAPackage("io.newswatch.broker..").should().dependOnClassesThat()
                .resideInAnyPackage(modulesOtherThan("broker")).check(production);
    }

    @Test
    @DisplayName("rules uses only core; ingest, enrich and alerts never depend on each other or on the app")
    void stagesAreIndependent() {
        noClasses().that().resideInAPackage("io.newswatch.rules..").should().dependOnClassesThat()
                .resideInAnyPackage(modulesOtherThan("rules", "core")).check(production);
        noClasses().that().resideInAPackage("io.newswatch.ingest..").should().dependOnClassesThat()
                .resideInAnyPackage(modulesOtherThan("ingest", "core")).check(production);
        noClasses().that().resideInAPackage("io.newswatch.enrich..").should().dependOnClassesThat()
                .resideInAnyPackage(modulesOtherThan("enrich", "core", "rules", "eventtime")).check(production);
        noClasses().that().resideInAPackage("io.newswatch.alerts..").should().dependOnClassesThat()
                .resideInAnyPackage(modulesOtherThan("alerts", "core", "rules", "eventtime")).check(production);
    }

    @Test
    @DisplayName("no cycle between modules")
    void noCyclesBetweenModules() {
        slices().matching("io.newswatch.(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    @DisplayName("no cycle between packages, inside a module or across")
    void noCyclesBetweenPackages() {
        // No exemptions: a module's root package either wires its subpackages (enrich, alerts, the app's entry point) or
        // holds what they share (ingest's settings and feed types, with the running service in ingest.service), never both.
        slices().matching("io.newswatch.(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    @DisplayName("a package named internal is used only from inside its own module")
    void internalStaysInternal() {
        for (String module : MODULES) {
            noClasses().that().resideOutsideOfPackage("io.newswatch." + module + "..").should().dependOnClassesThat()
                    .resideInAPackage("io.newswatch." + module + "..internal..").allowEmptyShould(true).check(production);
        }
    }
}

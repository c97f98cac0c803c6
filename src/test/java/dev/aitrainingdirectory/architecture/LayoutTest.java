package dev.aitrainingdirectory.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layout: no package depends on another that depends back on it, however long the circle.
 * Listings build on platforms and tiers, and the search engine on listings; the other way round, changes
 * travel as events (a platform changed) and figures as narrow interfaces (a platform's open listings).
 */
class LayoutTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.aitrainingdirectory");

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching("dev.aitrainingdirectory.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void onlyTheSearchEngineUsesLucene() {
        noClasses().that().resideOutsideOfPackage("dev.aitrainingdirectory.search..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
                .check(MAIN);
    }

    @Test
    void entitiesDoNotReadHttpParameters() {
        noClasses().that().resideInAnyPackage("dev.aitrainingdirectory.listing..", "dev.aitrainingdirectory.platform..",
                        "dev.aitrainingdirectory.paytier..", "dev.aitrainingdirectory.eligibility..")
                .and().areAnnotatedWith(jakarta.persistence.Entity.class)
                .should().dependOnClassesThat().resideInAPackage("dev.aitrainingdirectory.params..")
                .check(MAIN);
    }
}

package dev.tiketti.search;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The search module's tiers: Lucene stays out of public signatures; time comes from the clock. */
class SearchArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tiketti.search");

    @Test
    @DisplayName("public methods of the API package neither take nor return Lucene or internal types")
    void noLuceneInPublicSignatures() {
        methods().that().areDeclaredInClassesThat().resideInAPackage("dev.tiketti.search")
                .and().areDeclaredInClassesThat().arePublic().and().arePublic()
                .should().notHaveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("a Lucene or internal type",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("org.apache.lucene")
                                || c.getPackageName().startsWith("dev.tiketti.search.internal")))
                .check(MAIN);
        methods().that().areDeclaredInClassesThat().resideInAPackage("dev.tiketti.search")
                .and().areDeclaredInClassesThat().arePublic().and().arePublic()
                .should(com.tngtech.archunit.lang.conditions.ArchConditions.not(
                        com.tngtech.archunit.lang.conditions.ArchConditions.haveRawParameterTypes(
                                com.tngtech.archunit.base.DescribedPredicate.describe("with a Lucene type",
                                        (java.util.List<com.tngtech.archunit.core.domain.JavaClass> ps) -> ps.stream()
                                                .anyMatch(c -> c.getPackageName().startsWith("org.apache.lucene"))))))
                .check(MAIN);
    }

    @Test
    @DisplayName("no wall clock: every instant comes from the injected Clock")
    void noWallClock() {
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(MAIN);
    }
}

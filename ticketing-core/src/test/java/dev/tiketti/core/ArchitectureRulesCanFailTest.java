package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.tiketti.core.common.PlantedCycleCommon;
import org.junit.jupiter.api.Test;

/**
 * The package rules of {@link ArchitectureTest} are not vacuous: on a planted cycle between the
 * root package and the bottom package (two test classes), they report it.
 */
class ArchitectureRulesCanFailTest {
    private final JavaClasses planted = new ClassFileImporter()
            .importClasses(PlantedCycleRoot.class, PlantedCycleCommon.class, Ticketing.class);

    @Test
    void aCycleThatInvolvesTheRootPackageIsReported() {
        EvaluationResult result = ArchitectureTest.noPackageCycles.evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("(root)", "common");
    }

    @Test
    void theBottomPackageDependingUpwardsIsReported() {
        EvaluationResult result = ArchitectureTest.commonIsTheBottomPackage.evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(PlantedCycleCommon.class.getName());
    }
}

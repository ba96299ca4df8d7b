package dev.tiketti.jpa;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adapter's shape (STYLE.md 2): entities and provider API stay internal; the public surface is small. */
class JpaArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.tiketti.jpa");

    @Test
    void entities_live_in_internal() {
        classes().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .should().resideInAPackage("dev.tiketti.jpa.internal").check(CLASSES);
    }

    @Test
    void hibernate_and_flyway_are_used_only_in_internal() {
        noClasses().that().resideOutsideOfPackage("dev.tiketti.jpa.internal")
                .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "org.flywaydb..")
                .check(CLASSES);
    }

    @Test
    void core_internals_are_not_used_because_core_does_not_export_them() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.tiketti.core.internal..").check(CLASSES);
    }

    @Test
    void no_internal_type_appears_in_a_public_signature() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass c : CLASSES) {
            if (c.getPackageName().startsWith("dev.tiketti.jpa.internal") || !c.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaCodeUnit unit : c.getCodeUnits()) {
                if (!unit.getModifiers().contains(JavaModifier.PUBLIC)) {
                    continue;
                }
                unit.getReturnType().getAllInvolvedRawTypes().forEach(t -> check(leaks, unit.getFullName(), t));
                unit.getParameterTypes().forEach(p -> p.getAllInvolvedRawTypes()
                        .forEach(t -> check(leaks, unit.getFullName(), t)));
            }
            for (JavaField f : c.getFields()) {
                if (f.getModifiers().contains(JavaModifier.PUBLIC)) {
                    f.getType().getAllInvolvedRawTypes().forEach(t -> check(leaks, f.getFullName(), t));
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static void check(List<String> leaks, String where, JavaClass type) {
        if (type.getPackageName().startsWith("dev.tiketti.jpa.internal")) {
            leaks.add(where + " exposes " + type.getName());
        }
    }
}

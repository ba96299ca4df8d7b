package dev.tiketti.mail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The mail module keeps the team's rules: its public API never mentions its internal types, it
 * reaches no further into core than core's API and SPI, and all its time comes from the injected
 * clock (the builder's default aside).
 */
@AnalyzeClasses(packages = "dev.tiketti.mail", importOptions = ImportOption.DoNotIncludeTests.class)
class SmtpArchitectureTest {
    static final String INTERNAL = "dev.tiketti.mail.internal";

    @ArchTest
    static final ArchRule publicSignaturesNeverMentionInternalTypes = classes()
            .that().resideOutsideOfPackage(INTERNAL + "..").and().arePublic()
            .should(new ArchCondition<JavaClass>("expose no internal types in public or protected signatures") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    List<JavaType> types = new ArrayList<>(c.getInterfaces());
                    c.getSuperclass().ifPresent(types::add);
                    for (JavaMember m : c.getMembers()) {
                        if (m.getModifiers().contains(JavaModifier.PUBLIC) || m.getModifiers().contains(JavaModifier.PROTECTED)) {
                            if (m instanceof JavaCodeUnit u) {
                                types.add(u.getReturnType());
                                types.addAll(u.getParameterTypes());
                            }
                        }
                    }
                    for (JavaType t : types) {
                        for (JavaClass raw : t.getAllInvolvedRawTypes()) {
                            if (raw.getPackageName().startsWith(INTERNAL)) {
                                events.add(SimpleConditionEvent.violated(c, c.getName() + " exposes " + raw.getName()));
                            }
                        }
                    }
                }
            })
            .because("internal types may change at any time (STYLE 2)");

    @ArchTest
    static final ArchRule onlyCoresApiAndSpi = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.tiketti.core.internal..", "dev.tiketti.jpa..", "dev.tiketti.search..")
            .because("an adapter depends on core's API and SPI only, never on another adapter (STYLE 1)");

    static final Set<String> WALL_CLOCK = Set.of("java.time.Instant.now", "java.time.LocalDate.now",
            "java.time.LocalDateTime.now", "java.time.ZonedDateTime.now", "java.time.OffsetDateTime.now",
            "java.lang.System.currentTimeMillis", "java.time.Clock.systemUTC", "java.time.Clock.systemDefaultZone");

    @ArchTest
    static final ArchRule noWallClock = classes().should(new ArchCondition<JavaClass>("read no wall clock") {
        @Override
        public void check(JavaClass c, ConditionEvents events) {
            for (JavaAccess<?> access : c.getAccessesFromSelf()) {
                String target = access.getTarget().getOwner().getName() + "." + access.getTarget().getName();
                boolean builderDefault = access.getOrigin().getOwner().getName().equals(SmtpTransport.Builder.class.getName())
                        && access.getTarget().getName().equals("systemUTC");
                if (WALL_CLOCK.contains(target) && !builderDefault) {
                    events.add(SimpleConditionEvent.violated(c, access.getDescription()));
                }
            }
        }
    }).because("all time comes from the injected Clock (STYLE 8)");
}

package dev.tiketti.mail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;

/**
 * The mail module's share of STYLE 2 and 8, as core's ArchitectureTest checks them there: no wall
 * clock and no timer outside the parser builder's default, no default locale, and no internal
 * type in a public signature.
 */
@AnalyzeClasses(packages = "dev.tiketti.mail", importOptions = ImportOption.DoNotIncludeTests.class)
class MailArchitectureTest {
    static final String INTERNAL = "dev.tiketti.mail.internal";
    /** The module's sending and receiving side, which works with stores by design; the parser does not. */
    static final String SENDING_AND_RECEIVING = ".*(Smtp|Outbound|LoopBrake|MailTemplate|TemplateKind|Redirect"
            + "|dev\\.tiketti\\.mail\\.MessageIds|MailChannel|Mailbox|Quarantine|Ingest|Imap|Poll|Thread).*";
    static final Set<String> CLOCKS = Set.of("java.time.Instant.now", "java.time.LocalDate.now",
            "java.time.LocalDateTime.now", "java.time.ZonedDateTime.now", "java.time.OffsetDateTime.now",
            "java.lang.System.currentTimeMillis", "java.lang.System.nanoTime", "java.time.Clock.systemUTC",
            "java.time.Clock.systemDefaultZone");

    @ArchTest
    static final ArchRule noTimerButTheBuildersDefault = classes().should(new ArchCondition<JavaClass>(
            "read no clock or timer (only MailParser.Builder names System::nanoTime as its default)") {
        @Override
        public void check(JavaClass c, ConditionEvents events) {
            for (JavaAccess<?> access : c.getAccessesFromSelf()) {
                String name = access.getTarget().getOwner().getName() + "." + access.getTarget().getName();
                String origin = access.getOrigin().getOwner().getName();
                boolean builderDefault = origin.equals(MailParser.Builder.class.getName())
                        && name.equals("java.lang.System.nanoTime")
                        || origin.endsWith("$Builder") && name.equals("java.time.Clock.systemUTC"); // a builder's default
                if (CLOCKS.contains(name) && !builderDefault) {
                    events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                }
            }
        }
    }).because("the processing-time budget reads the injected ticker (STYLE 8)");

    @ArchTest
    static final ArchRule noDefaultLocale = classes().should(new ArchCondition<JavaClass>(
            "not change case or format with the default locale") {
        @Override
        public void check(JavaClass c, ConditionEvents events) {
            for (JavaAccess<?> access : c.getAccessesFromSelf()) {
                AccessTarget target = access.getTarget();
                if (!target.getOwner().getName().equals("java.lang.String")
                        || !(target instanceof AccessTarget.CodeUnitAccessTarget unit)) {
                    continue;
                }
                List<String> params = unit.getRawParameterTypes().stream().map(JavaClass::getName).toList();
                boolean bad = switch (target.getName()) {
                    case "toLowerCase", "toUpperCase" -> params.isEmpty();
                    case "format" -> !params.isEmpty() && !params.get(0).equals("java.util.Locale");
                    case "formatted" -> true;
                    default -> false;
                };
                if (bad) {
                    events.add(SimpleConditionEvent.violated(access, access.getDescription() + " uses the default locale"));
                }
            }
        }
    });

    @ArchTest
    static final ArchRule publicSignaturesNeverMentionInternalTypes = classes().that().resideOutsideOfPackage(INTERNAL + "..")
            .and().arePublic().should(new ArchCondition<JavaClass>("mention no internal type in a public signature") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    for (JavaMethod m : c.getMethods()) {
                        if (!m.getModifiers().contains(JavaModifier.PUBLIC)) {
                            continue;
                        }
                        boolean leaks = m.getRawReturnType().getPackageName().startsWith(INTERNAL)
                                || m.getRawParameterTypes().stream().anyMatch(t -> t.getPackageName().startsWith(INTERNAL));
                        if (leaks) {
                            events.add(SimpleConditionEvent.violated(m, m.getFullName() + " mentions an internal type"));
                        }
                    }
                }
            });

    @ArchTest
    static final ArchRule noStoreAccess = noClasses().that().haveNameNotMatching(SENDING_AND_RECEIVING)
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.tiketti.core.spi..", "dev.tiketti.core.inmemory..")
            .because("parsing raw mail touches no store");
}

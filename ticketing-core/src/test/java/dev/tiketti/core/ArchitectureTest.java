package dev.tiketti.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import dev.tiketti.core.timer.TimerService;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The architecture rules of STYLE.md points 2, 3 and 8, checked on core's main classes:
 * no persistence, mail, search or ORM imports; the three tiers (API, {@code spi}, {@code internal})
 * kept apart in public signatures; no package cycles among the API and SPI packages; no wall clock
 * and no default locale.
 */
@AnalyzeClasses(packages = "dev.tiketti.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String INTERNAL = "dev.tiketti.core.internal..";
    static final String SPI = "dev.tiketti.core.spi..";

    @ArchTest
    static final ArchRule coreUsesNoAdapterTechnology = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "jakarta.mail..", "org.apache.lucene..", "org.hibernate..")
            .because("adapters live in their own modules (STYLE 1, 3)");

    @ArchTest
    static final ArchRule publicSignaturesNeverMentionInternalTypes = classes()
            .that().resideOutsideOfPackage(INTERNAL).and().arePublic()
            .should(exposeNoTypesFrom("internal", t -> t.getPackageName().startsWith("dev.tiketti.core.internal")))
            .because("internal types may change at any time, so they must not leak into API or SPI (STYLE 2)");

    /**
     * API signatures never mention SPI types, with deliberate exceptions. {@code Ticketing.Builder}
     * is where adapters are wired, so it takes them; so does {@code TimerService} with its builder,
     * the wiring point of a {@code TimerStore} for hosts that run timers themselves. The {@code inmemory} package holds the reference
     * implementations of the SPIs, which by definition implement and mention them (e.g.
     * {@code RecordingOutboundTransport.sent()} returns {@code OutboundMessage}s).
     */
    @ArchTest
    static final ArchRule apiSignaturesNeverMentionSpiTypes = classes()
            .that().resideOutsideOfPackages(INTERNAL, SPI, "dev.tiketti.core.inmemory..").and().arePublic()
            .and().doNotHaveFullyQualifiedName(Ticketing.Builder.class.getName())
            .and().doNotHaveFullyQualifiedName(TimerService.class.getName())
            .and().doNotHaveFullyQualifiedName(TimerService.Builder.class.getName())
            .should(exposeNoTypesFrom("spi", t -> t.getPackageName().startsWith("dev.tiketti.core.spi")))
            .because("hosts call the API; adapters implement the SPI (STYLE 2)");

    /**
     * No cycles among core's packages. {@code internal} is left out of the slices: it is the
     * implementation tier that both serves the API (argument checks, the problem catalogue) and runs
     * on it (the engine), so it depends both ways by design. Everything else must form a DAG.
     */
    @ArchTest
    static final ArchRule noPackageCyclesOutsideInternal = slices().matching("dev.tiketti.core.(*)..")
            .should().beFreeOfCycles()
            .ignoreDependency(DescribedPredicate.alwaysTrue(), resideIn("dev.tiketti.core.internal"))
            .ignoreDependency(resideIn("dev.tiketti.core.internal"), DescribedPredicate.alwaysTrue());

    @ArchTest
    static final ArchRule noWallClockOutsideTheBuilderDefault = classes()
            .should(callNoneOf(Set.of(
                    "java.time.Instant.now", "java.time.LocalDate.now", "java.time.LocalDateTime.now",
                    "java.time.ZonedDateTime.now", "java.time.OffsetDateTime.now", "java.time.LocalTime.now",
                    "java.lang.System.currentTimeMillis", "java.time.Clock.systemUTC",
                    "java.time.Clock.systemDefaultZone"),
                    access -> Set.of(Ticketing.Builder.class.getName(), TimerService.Builder.class.getName())
                                    .contains(access.getOrigin().getOwner().getName())
                            && access.getOrigin().getName().equals("build")
                            && access.getTarget().getName().equals("systemUTC")))
            .because("all time comes from the injected Clock; only the builder's default may be the system clock "
                    + "(STYLE 8)");

    @ArchTest
    static final ArchRule noDefaultLocale = classes()
            .should(new ArchCondition<JavaClass>("not format or change case with the default locale") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    for (JavaAccess<?> access : c.getAccessesFromSelf()) {
                        AccessTarget target = access.getTarget();
                        if (!target.getOwner().getName().equals("java.lang.String")
                                || !(target instanceof AccessTarget.CodeUnitAccessTarget unit)) {
                            continue;
                        }
                        List<String> params = unit.getRawParameterTypes().stream().map(JavaClass::getName).toList();
                        boolean defaultLocale = switch (target.getName()) {
                            case "toLowerCase", "toUpperCase" -> params.isEmpty();
                            case "format" -> !params.isEmpty() && !params.get(0).equals("java.util.Locale");
                            case "formatted" -> true;
                            default -> false;
                        };
                        if (defaultLocale) {
                            events.add(SimpleConditionEvent.violated(access, access.getDescription()
                                    + " uses the default locale; pass Locale.ROOT"));
                        }
                    }
                }
            })
            .because("library output must not depend on the host's default locale (STYLE: ambient inputs)");

    /** The rules are not vacuous: the imported classes include the packages they talk about. */
    @ArchTest
    static final ArchRule theImportSeesEveryTier = classes().that().haveFullyQualifiedName(Ticketing.class.getName())
            .should().dependOnClassesThat().resideInAPackage(INTERNAL)
            .andShould().dependOnClassesThat().resideInAPackage(SPI);

    static DescribedPredicate<JavaClass> resideIn(String pkg) {
        return DescribedPredicate.describe("reside in " + pkg, c -> c.getPackageName().startsWith(pkg));
    }

    /** Fails for each public or protected member, or supertype, whose signature involves a forbidden type. */
    static ArchCondition<JavaClass> exposeNoTypesFrom(String tier, Predicate<JavaClass> forbidden) {
        return new ArchCondition<>("expose no " + tier + " types in public or protected signatures") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaType supertype : supertypes(c)) {
                    report(events, c, c.getName() + " extends/implements", supertype, forbidden);
                }
                for (JavaMember m : c.getMembers()) {
                    if (!(m.getModifiers().contains(JavaModifier.PUBLIC)
                            || m.getModifiers().contains(JavaModifier.PROTECTED))) {
                        continue;
                    }
                    if (m instanceof JavaField f) {
                        report(events, c, f.getFullName(), f.getType(), forbidden);
                    } else if (m instanceof JavaCodeUnit u) {
                        report(events, c, u.getFullName() + " returns", u.getReturnType(), forbidden);
                        u.getParameterTypes().forEach(p -> report(events, c, u.getFullName() + " takes", p, forbidden));
                        u.getThrowsClause().getTypes().forEach(t -> report(events, c, u.getFullName() + " throws", t,
                                forbidden));
                    }
                }
            }
        };
    }

    static List<JavaType> supertypes(JavaClass c) {
        List<JavaType> all = new ArrayList<>();
        c.getSuperclass().ifPresent(all::add);
        all.addAll(c.getInterfaces());
        return all;
    }

    static void report(ConditionEvents events, JavaClass c, String where, JavaType type, Predicate<JavaClass> forbidden) {
        Set<JavaClass> involved = new LinkedHashSet<>(type.getAllInvolvedRawTypes());
        for (JavaClass t : involved) {
            if (forbidden.test(t)) {
                events.add(SimpleConditionEvent.violated(c, where + " " + t.getName()));
            }
        }
    }

    /** No access (call or method reference) to the given methods, except where {@code allowed} says. */
    static ArchCondition<JavaClass> callNoneOf(Set<String> banned, Predicate<JavaAccess<?>> allowed) {
        return new ArchCondition<>("call none of " + banned) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaAccess<?> access : c.getAccessesFromSelf()) {
                    String name = access.getTarget().getOwner().getName() + "." + access.getTarget().getName();
                    if (banned.contains(name) && !allowed.test(access)) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        };
    }
}

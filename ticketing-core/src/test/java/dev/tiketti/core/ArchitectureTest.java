package dev.tiketti.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
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
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.spi.StoreProblems;
import dev.tiketti.core.timer.TimerService;
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
    static final String ROOT = "dev.tiketti.core";
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
     * API signatures never mention SPI types, with deliberate exceptions. {@code TicketingBuilder}
     * is where adapters are wired, so it takes them; so does {@code TimerService} with its builder,
     * the wiring point of a {@code TimerStore} for hosts that run timers themselves. The {@code inmemory} package holds the reference
     * implementations of the SPIs, which by definition implement and mention them (e.g.
     * {@code RecordingOutboundTransport.sent()} returns {@code OutboundMessage}s).
     */
    @ArchTest
    static final ArchRule apiSignaturesNeverMentionSpiTypes = classes()
            .that().resideOutsideOfPackages(INTERNAL, SPI, "dev.tiketti.core.inmemory..").and().arePublic()
            .and().doNotHaveFullyQualifiedName(TicketingBuilder.class.getName())
            .and().doNotHaveFullyQualifiedName(TimerService.class.getName())
            .and().doNotHaveFullyQualifiedName(TimerService.Builder.class.getName())
            .should(exposeNoTypesFrom("spi", t -> t.getPackageName().startsWith("dev.tiketti.core.spi")))
            .because("hosts call the API; adapters implement the SPI (STYLE 2)");

    /**
     * Core's packages, the root package included, each one slice: {@code dev.tiketti.core} itself is
     * {@code (root)}, every other class belongs to the first package below it.
     */
    static final SliceAssignment CORE_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (p.equals(ROOT)) {
                return SliceIdentifier.of("(root)");
            }
            return p.startsWith(ROOT + ".") ? SliceIdentifier.of(p.substring(ROOT.length() + 1).split("\\.")[0])
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "core's packages, the root package included";
        }
    };

    /**
     * No cycles among any of core's packages, {@code internal} and the root package included: the
     * bottom package {@code common} (ids, exceptions, argument checks) depends on no other, the
     * value packages form a DAG above it, {@code internal} implements the areas on top of them, and
     * only the root package ({@code Ticketing} and its builder) assembles {@code internal}.
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices().assignedFrom(CORE_PACKAGES).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheRootPackageAssemblesInternal = noClasses()
            .that().resideOutsideOfPackages(INTERNAL, ROOT)
            .should().dependOnClassesThat().resideInAPackage(INTERNAL)
            .because("internal may depend on the API, never the reverse; Ticketing's builder is where it is wired");

    @ArchTest
    static final ArchRule internalNeverCallsBackIntoTheFacade = noClasses().that().resideInAPackage(INTERNAL)
            .should().dependOnClassesThat().resideInAPackage(ROOT)
            .because("the facade only routes: the flows it routes to never return to it");

    @ArchTest
    static final ArchRule commonIsTheBottomPackage = noClasses().that().resideInAPackage(ROOT + ".common")
            .should().dependOnClassesThat().resideOutsideOfPackages(ROOT + ".common", "java..", "org.slf4j..",
                    "org.jspecify..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule noWallClockOutsideTheBuilderDefault = classes()
            .should(callNoneOf(Set.of(
                    "java.time.Instant.now", "java.time.LocalDate.now", "java.time.LocalDateTime.now",
                    "java.time.ZonedDateTime.now", "java.time.OffsetDateTime.now", "java.time.LocalTime.now",
                    "java.lang.System.currentTimeMillis", "java.time.Clock.systemUTC",
                    "java.time.Clock.systemDefaultZone"),
                    access -> (access.getOrigin().getOwner().getName().equals(TicketingBuilder.class.getName())
                                    && access.getOrigin().getName().equals("fillStores")
                                    || access.getOrigin().getOwner().getName().equals(TimerService.Builder.class.getName())
                                    && access.getOrigin().getName().equals("build"))
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

    /**
     * Throw sites call catalogue methods (STYLE 11; issue #11): outside the catalogue classes
     * ({@code *Messages}, {@code *Problems}) nothing constructs a {@code TicketingException} or a
     * subclass, so every message is worded in one place per area. The exception types themselves
     * (their constructors call their parents') are not throw sites. {@link MessagesLiveInCataloguesTest}
     * checks the sources for message text handed to {@code Require.argument} and to catalogues.
     */
    @ArchTest
    static final ArchRule onlyCataloguesConstructTicketingExceptions = classes()
            .that(DescribedPredicate.describe("are neither catalogues nor exception types",
                    c -> !isCatalogue(c) && !c.isAssignableTo(TicketingException.class)))
            .should(new ArchCondition<JavaClass>("construct no TicketingException, but throw what a catalogue "
                    + "method returns") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    List<JavaCodeUnitAccess<?>> constructions = new ArrayList<>(c.getConstructorCallsFromSelf());
                    constructions.addAll(c.getConstructorReferencesFromSelf());
                    for (JavaCodeUnitAccess<?> access : constructions) {
                        if (access.getTargetOwner().isAssignableTo(TicketingException.class)) {
                            events.add(SimpleConditionEvent.violated(access, access.getDescription()
                                    + ": add a method to the area's catalogue and throw what it returns"));
                        }
                    }
                }
            })
            .because("all messages of an area live in its catalogue, which names the value, the problem and the fix");

    /**
     * The catalogue scheme: {@code *Messages} are package-private final classes of the API and value
     * packages (placed where the package rules let their callers reach them); {@code *Problems} live
     * in {@code internal}, except the public {@code spi.StoreProblems} that store adapters use.
     */
    @ArchTest
    static final ArchRule messageCataloguesArePackagePrivate = classes().that().haveSimpleNameEndingWith("Messages")
            .should().notBePublic().andShould().haveModifier(JavaModifier.FINAL);

    @ArchTest
    static final ArchRule problemCataloguesAreInternalOrForStores = classes().that().haveSimpleNameEndingWith("Problems")
            .should().resideInAPackage(INTERNAL).orShould().haveFullyQualifiedName(StoreProblems.class.getName());

    /** Whether {@code c}, or the class it is nested in, is a message catalogue. */
    static boolean isCatalogue(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top.getSimpleName().endsWith("Messages") || top.getSimpleName().endsWith("Problems");
    }

    /** The rules are not vacuous: the imported classes include the packages they talk about. */
    @ArchTest
    static final ArchRule theImportSeesEveryTier = classes().that().haveFullyQualifiedName(TicketingBuilder.class.getName())
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

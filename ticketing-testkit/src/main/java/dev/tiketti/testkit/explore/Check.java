package dev.tiketti.testkit.explore;

import dev.tiketti.core.workflow.Guard;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Something a {@link WorkflowExplorer} checks: on each step (an invariant), on each path (a state
 * reached only through a transition or a guard), or over everything it explored (reachability).
 * Create checks with the static methods; {@link #standard()} are the ones every exploration runs
 * unless told otherwise.
 *
 * @since 0.1
 */
public final class Check {
    enum Kind { STEP, PATH, EVERY_STATE_REACHABLE, CLOSED_REACHABLE }

    private final String name;
    private final Kind kind;
    private final Function<Step, Optional<String>> onStep;
    private final String target;
    private final Predicate<Step> gate;
    private final Optional<String> gateTransition;

    private Check(String name, Kind kind, Function<Step, Optional<String>> onStep, String target,
                  Predicate<Step> gate) {
        this(name, kind, onStep, target, gate, Optional.empty());
    }

    private Check(String name, Kind kind, Function<Step, Optional<String>> onStep, String target,
                  Predicate<Step> gate, Optional<String> gateTransition) {
        this.name = name;
        this.kind = kind;
        this.onStep = onStep;
        this.target = target;
        this.gate = gate;
        this.gateTransition = gateTransition;
    }

    private static Check graph(String name, Kind kind) {
        return new Check(name, kind, s -> Optional.empty(), "", s -> false);
    }

    /** The checks every exploration runs unless given others with {@link WorkflowExplorer#onlyChecks}. */
    public static List<Check> standard() {
        return List.of(everyStateReachable(), closedReachableFromEveryState(), refusalsCarryReasons(),
                versionCountsHistory());
    }

    /** Every state of the workflow is reached by some path (with the explorer's actors and requesters). */
    public static Check everyStateReachable() {
        return graph("every state is reachable", Kind.EVERY_STATE_REACHABLE);
    }

    /**
     * From every configuration reached, some sequence of moves leads to a CLOSED-category state:
     * no ticket can get stuck.
     */
    public static Check closedReachableFromEveryState() {
        return graph("a CLOSED state is reachable from every state", Kind.CLOSED_REACHABLE);
    }

    /**
     * A transition attempt that fails is refused by its guards and says why: at least one reason,
     * none blank. (The explorer only attempts transitions that leave the current state, with
     * valid values, so any other failure is an effect or rule that cannot be applied.)
     */
    public static Check refusalsCarryReasons() {
        return new Check("refusals carry reasons", Kind.STEP, s -> {
            if (s.outcome() == Step.Outcome.REFUSED
                    && (s.reasons().isEmpty() || s.reasons().stream().anyMatch(String::isBlank))) {
                return Optional.of("refused with reasons " + s.reasons());
            }
            if (s.outcome() == Step.Outcome.FAILED && s.isAttempt()) {
                return Optional.of("failed with " + s.errorCode().orElse("an error") + " instead of being taken "
                        + "or refused by its guards: " + String.join("; ", s.reasons()));
            }
            return Optional.empty();
        }, "", s -> false);
    }

    /**
     * The ticket's version is the number of its history entries; a change adds exactly one entry
     * and one version, a refusal or failure changes nothing at all.
     */
    public static Check versionCountsHistory() {
        return new Check("version and history", Kind.STEP, s -> {
            long version = s.ticketAfter().version();
            if (version != s.historyAfter()) {
                return Optional.of("version " + version + " but " + s.historyAfter() + " history entries");
            }
            if (s.outcome() == Step.Outcome.TAKEN) {
                if (version != s.ticketBefore().version() + 1 || s.historyAfter() != s.historyBefore() + 1) {
                    return Optional.of("a change took the version from " + s.ticketBefore().version() + " to "
                            + version + " and the history from " + s.historyBefore() + " to " + s.historyAfter()
                            + " entries; expected one more of each");
                }
            } else if (!s.ticketAfter().equals(s.ticketBefore()) || s.historyAfter() != s.historyBefore()) {
                return Optional.of("a " + s.outcome().name().toLowerCase(java.util.Locale.ROOT)
                        + " move changed the ticket or its history");
            }
            return Optional.empty();
        }, "", s -> false);
    }

    /**
     * A host's own invariant, checked on every step, e.g.
     * <pre>{@code
     * invariant("a CLOSED ticket has a resolution",
     *         s -> !s.after().state().equals("CLOSED") || s.after().resolved())
     * }</pre>
     *
     * @param description what holds, for the report
     * @param holds       whether it holds after the step
     */
    public static Check invariant(String description, Predicate<Step> holds) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(holds, "holds");
        return new Check(description, Kind.STEP,
                s -> holds.test(s) ? Optional.empty() : Optional.of("does not hold after this step"), "", s -> false);
    }

    /** Start of a path check: {@code noPathReaches("PAID").withoutTransition("approve")}. */
    public static Reaching noPathReaches(String state) {
        return new Reaching(Objects.requireNonNull(state, "state"));
    }

    /**
     * The state of a path check; finish it with {@link #withoutTransition} or {@link #withoutGuard}.
     *
     * @since 0.1
     */
    public static final class Reaching {
        private final String state;

        private Reaching(String state) {
            this.state = state;
        }

        /** No path reaches the state unless {@code transition} was taken on it (this step included). */
        public Check withoutTransition(String transition) {
            Objects.requireNonNull(transition, "transition");
            return new Check("no path reaches " + state + " without transition '" + transition + "'", Kind.PATH,
                    s -> Optional.empty(), state, s -> s.taken().filter(transition::equals).isPresent(),
                    Optional.of(transition));
        }

        /**
         * No path reaches the state unless a transition taken on it required {@code guard} (so the
         * guard was checked and held), e.g. {@code withoutGuard(Guard.actorHasRole("approver"))}.
         */
        public Check withoutGuard(Guard guard) {
            Objects.requireNonNull(guard, "guard");
            return new Check("no path reaches " + state + " without guard " + guard, Kind.PATH, s -> Optional.empty(),
                    state, new GuardGate(guard));
        }
    }

    /** Passed by a taken transition that requires the guard; the explorer tells it the workflow's guards. */
    static final class GuardGate implements Predicate<Step> {
        final Guard guard;
        Function<String, List<Guard>> guardsOf = t -> List.of();

        GuardGate(Guard guard) {
            this.guard = guard;
        }

        @Override
        public boolean test(Step s) {
            return s.taken().map(guardsOf).filter(g -> g.contains(guard)).isPresent();
        }
    }

    String name() {
        return name;
    }

    Kind kind() {
        return kind;
    }

    Optional<String> onStep(Step step) {
        return onStep.apply(step);
    }

    String target() {
        return target;
    }

    /** The transition a {@link Reaching#withoutTransition} check names. */
    Optional<String> gateTransition() {
        return gateTransition;
    }

    /** This check's gate, told the workflow's guards (for a guard gate). */
    Predicate<Step> gate(Function<String, List<Guard>> guardsOf) {
        if (gate instanceof GuardGate g) {
            GuardGate bound = new GuardGate(g.guard);
            bound.guardsOf = guardsOf;
            return bound;
        }
        return gate;
    }

    @Override
    public String toString() {
        return name;
    }
}

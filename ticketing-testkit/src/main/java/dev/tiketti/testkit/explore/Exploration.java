package dev.tiketti.testkit.explore;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a {@link WorkflowExplorer#explore() exploration} found: how much it explored, which
 * states it reached, and one shortest counterexample per failed check (several for a
 * reachability check, one per state).
 *
 * @param configurations the distinct configurations (state and facts) reached
 * @param moves          the moves made on the real engine
 * @param depth          the longest path explored
 * @param complete       whether every configuration reached was also explored further (no
 *                       depth or size limit cut the search short)
 * @param statesReached  the states some path reaches
 * @param violations     the counterexamples, in the order of the checks
 * @since 0.1
 */
public record Exploration(int configurations, int moves, int depth, boolean complete, Set<String> statesReached,
                          List<Violation> violations) {
    public Exploration {
        statesReached = Set.copyOf(statesReached);
        violations = List.copyOf(violations);
    }

    /** Throws an {@link AssertionError} listing every counterexample, if there is any. */
    public Exploration assertNoViolations() {
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " check(s) failed; " + this + "\n"
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("\n")));
        }
        return this;
    }

    @Override
    public String toString() {
        return "explored " + configurations + " configurations with " + moves + " moves, paths of up to " + depth
                + " steps" + (complete ? "" : " (cut short by the depth or size limit)");
    }
}

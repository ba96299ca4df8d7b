package dev.tiketti.testkit.explore;

import java.util.List;
import java.util.function.Function;

/**
 * One seeded random walk over a workflow, for workflows too large to explore in full: from a
 * ticket just opened, a random move at each step, checking the explorer's step and path checks.
 * Its {@link #toString()} names the seed, so it makes a readable JUnit display name:
 *
 * <pre>{@code
 * static Stream<Scenario> walks() { return WorkflowExplorer.of(bigWorkflow).randomScenarios(42L).limit(300); }
 *
 * @ParameterizedTest(name = "{0}") @MethodSource("walks")
 * void bigWorkflowKeepsItsInvariants(Scenario walk) { walk.run(); }
 * }</pre>
 *
 * @since 0.1
 */
public final class Scenario {
    private final long seed;
    private final long index;
    private final int length;
    private final Function<Scenario, List<Step>> runner;

    Scenario(long seed, long index, int length, Function<Scenario, List<Step>> runner) {
        this.seed = seed;
        this.index = index;
        this.length = length;
        this.runner = runner;
    }

    /** The seed of the stream this walk belongs to. */
    public long seed() {
        return seed;
    }

    /** The walk's position in its stream, from 0. */
    public long index() {
        return index;
    }

    /**
     * Walks and returns the steps taken.
     *
     * @throws AssertionError with the path so far, at the first step that breaks a check
     */
    public List<Step> run() {
        return runner.apply(this);
    }

    @Override
    public String toString() {
        return "random walk " + index + " of seed " + seed + " (up to " + length + " moves)";
    }
}

package dev.tiketti.core;

import org.quicktheories.QuickTheory;

/**
 * QuickTheories with this suite's defaults, so every property run can be repeated: a fixed seed
 * (QuickTheories prints it with each falsified property; run another one with
 * {@code -Dtiketti.seed=<n>}), an explicit number of examples, and a bound on shrinking so that an
 * expensive property that fails still ends in reasonable time.
 */
public final class Theories {
    /** The seed every property starts from, unless {@code -Dtiketti.seed} names another. */
    public static final long SEED = Long.getLong("tiketti.seed", 20_261_122L);

    private Theories() {
    }

    /** At least {@code examples} examples from {@link #SEED}, shrinking a counterexample for up to 1000 cycles. */
    public static QuickTheory qt(int examples) {
        return qt(examples, 1000);
    }

    /**
     * At least {@code examples} examples from {@link #SEED}, shrinking a counterexample for up to
     * {@code shrinkCycles} cycles.
     */
    public static QuickTheory qt(int examples, int shrinkCycles) {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(withMargin(examples))
                .withShrinkCycles(shrinkCycles);
    }

    /**
     * QuickTheories skips an example whose random choices repeat an earlier one's, and so runs
     * fewer than it is asked for (about 1 % fewer for small domains); asking for 5 % more (and 2)
     * runs at least {@code examples} distinct ones.
     */
    static int withMargin(int examples) {
        return examples + examples / 20 + 2;
    }
}

package dev.tiketti.testkit.generator;

import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories over the testkit's engine-neutral {@link TicketingGenerators}, for this module's
 * own property tests: {@link #gen} hands a generator a {@link RandomGenerator} that asks the
 * QuickTheories randomness source for each number, so QuickTheories can replay and shrink every
 * choice the generator makes (towards the lower bound of each: fewer states, shorter lists, the
 * first option). A host can copy this adapter; the testkit does not ship it, so that no property
 * engine reaches a host's class path.
 */
final class Gens {
    /** The seed every property starts from, unless {@code -Dtiketti.seed} names another. */
    static final long SEED = Long.getLong("tiketti.seed", 20_261_122L);

    private Gens() {
    }

    /**
     * At least {@code examples} examples from {@link #SEED}, shrinking a counterexample for up to
     * {@code shrinkCycles} cycles.
     */
    static QuickTheory qt(int examples, int shrinkCycles) {
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

    /** A QuickTheories generator of what {@code generator} draws. */
    static <T> Gen<T> gen(Function<RandomGenerator, T> generator) {
        return in -> generator.apply(new SourceRandom(in));
    }

    /** A {@link RandomGenerator} view of a QuickTheories randomness source: one source value per choice. */
    static final class SourceRandom implements RandomGenerator {
        private final RandomnessSource in;

        SourceRandom(RandomnessSource in) {
            this.in = in;
        }

        @Override
        public long nextLong() {
            return in.next(Constraint.none());
        }

        @Override
        public int nextInt() {
            return (int) in.next(Constraint.between(Integer.MIN_VALUE, Integer.MAX_VALUE));
        }

        @Override
        public int nextInt(int bound) {
            return nextInt(0, bound);
        }

        @Override
        public int nextInt(int origin, int bound) {
            if (origin >= bound) {
                throw new IllegalArgumentException("bound must be greater than origin");
            }
            return (int) in.next(Constraint.between(origin, bound - 1L));
        }

        @Override
        public long nextLong(long bound) {
            return nextLong(0, bound);
        }

        @Override
        public long nextLong(long origin, long bound) {
            if (origin >= bound) {
                throw new IllegalArgumentException("bound must be greater than origin");
            }
            return in.next(Constraint.between(origin, bound - 1));
        }

        @Override
        public boolean nextBoolean() {
            return in.next(Constraint.zeroToOne()) == 1;
        }
    }
}

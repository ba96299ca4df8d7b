package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tiketti.core.inmemory.InMemoryStorage;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The Transactions contract passes correct units of work and fails broken ones exactly where they
 * break it: run here on {@link ToyUnits}, correct and with one flaw each, and on core's in-memory
 * stores with {@link Transactions#none()}, which have no unit of work to roll back.
 */
@DisplayName("The Transactions contract catches broken units of work")
class TransactionsContractCatchesBrokenUnitsTest {
    private static final String ROLLS_BACK_BOTH =
            "leaves nothing of what the work wrote to either store, and the exception arrives as the same instance";
    private static final String ROLLS_BACK_ON_ERROR = "rolls back on an Error too, which also arrives as the same instance";
    private static final String STORE_REFUSAL =
            "a store's own refusal inside it (a stale update) arrives as thrown and undoes the unit's other writes";
    private static final String FORGETS_WORKFLOW =
            "forgets a workflow version it saved: the same version can be published afterwards, with other content";
    private static final String ISOLATED = "shows another thread none of its writes before it commits, and all of them after";
    private static final String NESTED_ROLLS_BACK =
            "joins the outer one: the outer work sees its writes, and they roll back with the outer unit";
    private static final String NESTED_COMMITS =
            "commits nothing when it returns: another thread sees its writes only once the outer unit commits";
    private static final String NESTED_EXCEPTION =
            "passes its exception to the outer work as the same instance; passed on, it undoes the writes of both";
    private static final String AFTER_OUTERMOST =
            "runs once, after the outermost unit commits: not when the nested unit it was handed in returns";
    private static final String NEVER_AFTER_ROLLBACK = "never runs when the unit rolls back, nor after the thread's next unit commits";
    private static final String FAILING_ACTION = "that fails does not undo the unit it followed";

    private static Events run(Class<?> contractRun) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contractRun)).execute().testEvents();
    }

    private static List<String> failed(Events events) {
        return events.failed().stream().map(Event::getTestDescriptor).map(d -> d.getDisplayName()).toList();
    }

    @Test
    @DisplayName("correct units of work pass every test of it")
    void correctUnits() {
        Events events = run(CorrectRun.class);
        assertThat(failed(events)).isEmpty();
        assertThat(events.succeeded().count()).isEqualTo(13);
        assertThat(events.skipped().count() + events.aborted().count()).isZero();
    }

    @Test
    @DisplayName("units that run after-commit work at once fail the after-commit tests only")
    void afterCommitAtOnce() {
        assertThat(failed(run(AtOnceRun.class)))
                .containsExactlyInAnyOrder(AFTER_OUTERMOST, NEVER_AFTER_ROLLBACK, FAILING_ACTION);
    }

    @Test
    @DisplayName("nested units that commit on their own fail the nesting and after-commit tests")
    void nestedCommitsOnItsOwn() {
        assertThat(failed(run(NestedCommitsRun.class)))
                .containsExactlyInAnyOrder(NESTED_ROLLS_BACK, NESTED_COMMITS, AFTER_OUTERMOST, NEVER_AFTER_ROLLBACK);
    }

    @Test
    @DisplayName("units that wrap the work's exceptions fail the tests that expect the same instance")
    void wrapsExceptions() {
        assertThat(failed(run(WrappingRun.class)))
                .containsExactlyInAnyOrder(ROLLS_BACK_BOTH, STORE_REFUSAL, NESTED_ROLLS_BACK, NESTED_EXCEPTION);
    }

    @Test
    @DisplayName("units that keep the after-commit work of a rollback for the next commit fail that test only")
    void leaksActionsOfARollback() {
        assertThat(failed(run(LeakingRun.class))).containsExactly(NEVER_AFTER_ROLLBACK);
    }

    @Test
    @DisplayName("stores atomic per call with Transactions.none() fail everything but committing, and after-commit work outside a unit")
    void noUnitsOfWork() {
        Events events = run(NoUnitsRun.class);
        assertThat(failed(events)).containsExactlyInAnyOrder(ISOLATED, ROLLS_BACK_BOTH, ROLLS_BACK_ON_ERROR,
                STORE_REFUSAL, FORGETS_WORKFLOW, NESTED_ROLLS_BACK, NESTED_COMMITS, NESTED_EXCEPTION,
                AFTER_OUTERMOST, NEVER_AFTER_ROLLBACK);
        assertThat(events.succeeded().count()).isEqualTo(3);
    }

    /** The contract on one {@link ToyUnits}, fresh for each test. */
    abstract static class ToyRun extends TransactionsContract {
        private final ToyUnits units = new ToyUnits(flaw());

        abstract ToyUnits.Flaw flaw();

        @Override
        protected Transactions transactions() {
            return units;
        }

        @Override
        protected TicketStore ticketStore() {
            return units.tickets;
        }

        @Override
        protected DefinitionStore definitionStore() {
            return units.definitions;
        }
    }

    static final class CorrectRun extends ToyRun {
        @Override
        ToyUnits.Flaw flaw() {
            return ToyUnits.Flaw.NONE;
        }
    }

    static final class AtOnceRun extends ToyRun {
        @Override
        ToyUnits.Flaw flaw() {
            return ToyUnits.Flaw.RUNS_AFTER_COMMIT_AT_ONCE;
        }
    }

    static final class NestedCommitsRun extends ToyRun {
        @Override
        ToyUnits.Flaw flaw() {
            return ToyUnits.Flaw.NESTED_COMMITS_ON_ITS_OWN;
        }
    }

    static final class WrappingRun extends ToyRun {
        @Override
        ToyUnits.Flaw flaw() {
            return ToyUnits.Flaw.WRAPS_EXCEPTIONS;
        }
    }

    static final class LeakingRun extends ToyRun {
        @Override
        ToyUnits.Flaw flaw() {
            return ToyUnits.Flaw.LEAKS_ACTIONS_OF_A_ROLLBACK;
        }
    }

    /** Core's in-memory storage, whose {@code transactions()} is {@link Transactions#none()}. */
    static final class NoUnitsRun extends TransactionsContract {
        private final InMemoryStorage storage = new InMemoryStorage(Clock.fixed(Instant.parse("2026-01-05T06:00:00Z"), ZoneOffset.UTC));

        @Override
        protected Transactions transactions() {
            return storage.transactions();
        }

        @Override
        protected TicketStore ticketStore() {
            return storage.tickets();
        }

        @Override
        protected DefinitionStore definitionStore() {
            return storage.definitions();
        }
    }
}

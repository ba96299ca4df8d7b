package dev.tiketti.jpa;

import static dev.tiketti.jpa.testing.Fixtures.created;
import static dev.tiketti.jpa.testing.Fixtures.entry;
import static dev.tiketti.jpa.testing.Fixtures.ticket;
import static dev.tiketti.jpa.testing.Fixtures.transitioned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.Ticket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Units of work: all or nothing, joined when nested, one EntityManager per thread. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaTransactionsTests {
    JpaStorage storage;
    TicketStore store;
    Transactions tx;

    abstract DataSource dataSource();

    @BeforeAll
    void start() {
        storage = JpaStorage.builder().dataSource(dataSource()).migrate(true).build();
        store = storage.ticketStore();
        tx = storage.transactions();
    }

    @AfterAll
    void stop() {
        storage.close();
    }

    private static String unique() {
        return "X" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
    }

    @Test
    void work_that_throws_leaves_nothing_behind_and_the_exception_reaches_the_caller_unchanged() {
        String prefix = unique();
        Ticket t = ticket(prefix, 1);
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> tx.inTransaction(() -> {
            store.nextNumber(prefix);
            store.create(t, List.of(entry(t, "Hei")), List.of(created(t)));
            assertThat(store.find(t.id())).contains(t); // the unit sees its own writes
            throw boom;
        })).isSameAs(boom);

        assertThat(store.find(t.id())).isEmpty();
        assertThat(store.timeline(t.id())).isEmpty();
        assertThat(store.history(t.id())).isEmpty();
        assertThat(store.nextNumber(prefix)).isEqualTo(1); // the counter was rolled back too
    }

    @Test
    void nested_units_join_the_outer_one_and_roll_back_with_it() {
        Ticket t = ticket(unique(), 1);
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            tx.inTransaction(() -> {
                store.create(t, List.of(), List.of(created(t)));
                return null;
            });
            Ticket v2 = t.withState("OPEN").nextVersion(t.updatedAt());
            tx.inTransaction(() -> {
                store.update(new TicketChange(v2, 1, List.of(), List.of(transitioned(v2, "start", "NEW", "OPEN"))));
                return null;
            });
            assertThat(store.find(t.id())).contains(v2);
            throw new IllegalArgumentException("late failure");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(store.find(t.id())).isEmpty();
        assertThat(store.history(t.id())).isEmpty();
    }

    @Test
    void a_failure_inside_a_joined_unit_dooms_the_outer_unit_even_if_caught() {
        Ticket t = ticket(unique(), 1);
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            store.create(t, List.of(), List.of(created(t)));
            try {
                tx.inTransaction(() -> {
                    throw new IllegalStateException("inner");
                });
            } catch (IllegalStateException expected) {
                // swallowed by careless host code
            }
            return null;
        })).isInstanceOfSatisfying(TicketingException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.TRANSACTION_ROLLED_BACK));
        assertThat(store.find(t.id())).isEmpty();
    }

    @Test
    void a_stale_update_inside_a_unit_fails_the_unit_and_keeps_the_other_writes_out() {
        Ticket t = ticket(unique(), 1);
        store.create(t, List.of(), List.of(created(t)));
        Ticket other = ticket(t.key().prefix(), 2);
        Ticket stale = t.withState("OPEN").nextVersion(t.updatedAt()).nextVersion(t.updatedAt()); // version 3

        assertThatThrownBy(() -> tx.inTransaction(() -> {
            store.create(other, List.of(), List.of(created(other)));
            store.update(new TicketChange(stale, 2, List.of(), List.of(transitioned(stale, "start", "NEW", "OPEN"))));
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(store.find(other.id())).isEmpty();
        assertThat(store.find(t.id())).contains(t);
    }

    @Test
    void a_workflow_version_read_in_a_unit_that_rolls_back_is_not_remembered() {
        String id = "wf-" + unique().toLowerCase(java.util.Locale.ROOT);
        var definitions = storage.definitionStore();
        var v1 = JpaDefinitionAndAttachmentStoreTests.workflow(id, 1, "WAITING");
        assertThatThrownBy(() -> tx.inTransaction(() -> {
            definitions.saveWorkflow(v1);
            assertThat(definitions.findWorkflow(id, 1)).contains(v1);
            throw new IllegalStateException("roll back the publication");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(definitions.findWorkflow(id, 1)).isEmpty();

        var other = JpaDefinitionAndAttachmentStoreTests.workflow(id, 1, "ON_HOLD");
        definitions.saveWorkflow(other);
        assertThat(definitions.findWorkflow(id, 1)).contains(other);
        assertThat(definitions.findWorkflow(id, 1)).contains(other); // now from the node's cache
    }

    @Test
    void a_deadlock_between_two_units_fails_one_of_them_retryably_and_keeps_the_other() throws Exception {
        Ticket a = ticket(unique(), 1);
        Ticket b = ticket(a.key().prefix(), 2);
        store.create(a, List.of(), List.of(created(a)));
        store.create(b, List.of(), List.of(created(b)));
        java.util.concurrent.CyclicBarrier bothHoldOne = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            // Unit 1 changes a then b, unit 2 changes b then a: each waits for the other's row lock.
            List<java.util.concurrent.Future<String>> units = List.of(
                    pool.submit(() -> lockInOrder(a, b, bothHoldOne, "first")),
                    pool.submit(() -> lockInOrder(b, a, bothHoldOne, "second")));
            List<String> winners = new java.util.ArrayList<>();
            List<Throwable> losers = new java.util.ArrayList<>();
            for (var unit : units) {
                try {
                    winners.add(unit.get(60, java.util.concurrent.TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    losers.add(e.getCause());
                }
            }
            assertThat(winners).hasSize(1);
            assertThat(losers).singleElement().isInstanceOfSatisfying(TicketingException.class,
                    e -> {
                        assertThat(e.retryable()).as(e.getMessage()).isTrue();
                        assertThat(e.getCause()).as("the database's own exception, kept as the cause").isNotNull();
                    });
            // The winner's two changes are both there; nothing of the loser's is.
            assertThat(store.find(a.id()).orElseThrow().state()).isEqualTo(winners.get(0));
            assertThat(store.find(b.id()).orElseThrow().state()).isEqualTo(winners.get(0));
            assertThat(store.find(a.id()).orElseThrow().version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    private String lockInOrder(Ticket first, Ticket second, java.util.concurrent.CyclicBarrier barrier, String state) {
        return tx.inTransaction(() -> {
            Ticket f = first.withState(state).nextVersion(first.updatedAt());
            store.update(new TicketChange(f, 1, List.of(), List.of(transitioned(f, "go", "NEW", state))));
            try {
                barrier.await(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Ticket s = second.withState(state).nextVersion(second.updatedAt());
            store.update(new TicketChange(s, 1, List.of(), List.of(transitioned(s, "go", "NEW", state))));
            return state;
        });
    }

    @Test
    void uncommitted_work_is_invisible_to_other_threads_until_commit() throws Exception {
        Ticket t = ticket(unique(), 1);
        AtomicReference<Boolean> seenByOther = new AtomicReference<>();
        tx.inTransaction(() -> {
            store.create(t, List.of(), List.of(created(t)));
            seenByOther.set(CompletableFuture.supplyAsync(() -> store.find(t.id()).isPresent()).join());
            return null;
        });
        assertThat(seenByOther.get()).isFalse();
        assertThat(CompletableFuture.supplyAsync(() -> store.find(t.id()).isPresent()).get()).isTrue();
    }
}

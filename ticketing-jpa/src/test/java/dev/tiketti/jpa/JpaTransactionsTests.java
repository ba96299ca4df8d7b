package dev.tiketti.jpa;

import static dev.tiketti.jpa.testing.Fixtures.created;
import static dev.tiketti.jpa.testing.Fixtures.entry;
import static dev.tiketti.jpa.testing.Fixtures.ticket;
import static dev.tiketti.jpa.testing.Fixtures.transitioned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.Ticket;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the testkit's Transactions contract (run in {@link JpaStorageContractTest} and
 * {@link JpaStorageContractIT}) leaves to the adapter: joined work that fails dooms the outer unit
 * even when its exception is caught ({@code TRANSACTION_ROLLED_BACK}), a deadlock fails one unit
 * retryably, and a key number drawn in a unit that rolls back is drawn again.
 */
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
    void a_key_number_drawn_in_a_unit_that_rolls_back_is_drawn_again() {
        String prefix = unique();
        Ticket t = ticket(prefix, 1);
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> tx.inTransaction(() -> {
            assertThat(store.nextNumber(prefix)).isEqualTo(1);
            store.create(t, List.of(entry(t, "Hei")), List.of(created(t)));
            throw boom;
        })).isSameAs(boom);

        assertThat(store.nextNumber(prefix)).isEqualTo(1);
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
}

package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.spi.IdempotencyStore;
import dev.tiketti.core.spi.IdempotentChange;
import dev.tiketti.core.spi.Transactions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The obligations of an {@link IdempotencyStore}: a key is recorded at most once across threads
 * (and nodes), and a record is written in the unit of work of the change it belongs to. An adapter
 * proves itself by a subclass that returns a new, empty store from {@link #createStore()} and its
 * units of work from {@link #transactions()}.
 *
 * <p>To prove a whole storage adapter, extend {@link StorageContract} instead: it runs this
 * contract as one of its groups.
 *
 * @since 0.1
 */
@DisplayName("IdempotencyStore contract")
public abstract class IdempotencyStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-05T06:00:00Z");
    private IdempotencyStore store;

    /** A new, empty store for each test. */
    protected abstract IdempotencyStore createStore();

    /** The units of work the store writes in; {@link Transactions#none()} for a store atomic per call. */
    protected Transactions transactions() {
        return Transactions.none();
    }

    @BeforeEach
    void createFreshStore() {
        store = createStore();
    }

    private static IdempotentChange change(String key, Optional<UUID> entry, Instant at) {
        return new IdempotentChange(key, TicketId.random(), entry, at);
    }

    private void inUnit(Runnable work) {
        transactions().inTransaction(() -> {
            work.run();
            return null;
        });
    }

    @Test
    @DisplayName("a recorded change is found by its key, equal in every component; other keys are not found")
    void roundTrip() {
        IdempotentChange opened = change("mail:hr@example.fi:<a1@example.fi>", Optional.empty(), T0);
        IdempotentChange added = change("mail:hr@example.fi:<a2@example.fi>", Optional.of(UUID.randomUUID()),
                T0.plusNanos(123_000));
        inUnit(() -> store.record(opened));
        inUnit(() -> store.record(added));

        assertThat(store.find(opened.key())).contains(opened);
        assertThat(store.find(added.key())).contains(added);
        assertThat(store.find("mail:hr@example.fi:<a3@example.fi>")).isEmpty();
    }

    @Test
    @DisplayName("keys are compared exactly: case and length up to 200 characters count")
    void exactKeys() {
        String longKey = "k".repeat(199) + "A";
        inUnit(() -> store.record(change(longKey, Optional.empty(), T0)));

        assertThat(store.find(longKey)).isPresent();
        assertThat(store.find("k".repeat(199) + "a")).isEmpty();
        assertThat(store.find("k".repeat(199))).isEmpty();
    }

    @Test
    @DisplayName("recording a recorded key fails with DUPLICATE or a concurrent update, and keeps the first record")
    void secondRecordFails() {
        IdempotentChange first = change("k-1", Optional.empty(), T0);
        inUnit(() -> store.record(first));

        assertThatThrownBy(() -> inUnit(() -> store.record(change("k-1", Optional.of(UUID.randomUUID()), T0))))
                .isInstanceOfSatisfying(TicketingException.class, e -> assertThat(
                        e instanceof ConcurrentUpdateException || e.code() == ErrorCode.DUPLICATE).isTrue());
        assertThat(store.find("k-1")).contains(first);
    }

    @Test
    @DisplayName("eight threads recording one key at once: exactly one succeeds, the others fail as documented")
    void raceForOneKey() throws Exception {
        List<Boolean> won = Concurrently.run(8, () -> {
            try {
                inUnit(() -> store.record(change("race", Optional.empty(), T0)));
                return true;
            } catch (ConcurrentUpdateException e) {
                return false;
            } catch (TicketingException e) {
                if (e.code() != ErrorCode.DUPLICATE) {
                    throw e;
                }
                return false;
            }
        });

        assertThat(won).containsOnlyOnce(true);
        assertThat(store.find("race")).isPresent();
    }

    @Test
    @DisplayName("a record written in a unit of work that rolls back is gone with it (kept only without units of work)")
    void rollsBackWithTheChange() {
        boolean units = transactions() != Transactions.none();
        IllegalStateException failure = new IllegalStateException("the change failed after recording its key");

        assertThatThrownBy(() -> inUnit(() -> {
            store.record(change("k-rolled-back", Optional.empty(), T0));
            throw failure;
        })).isSameAs(failure);
        // a store atomic per call has nothing to roll back; core serialises keyed changes in-process for it
        assertThat(store.find("k-rolled-back").isPresent()).isEqualTo(!units);
        if (units) {
            inUnit(() -> store.record(change("k-rolled-back", Optional.empty(), T0)));
            assertThat(store.find("k-rolled-back")).isPresent();
        }
    }

    @Test
    @DisplayName("purging forgets exactly the keys recorded before the instant, and says how many")
    void purge() {
        inUnit(() -> store.record(change("old-1", Optional.empty(), T0)));
        inUnit(() -> store.record(change("old-2", Optional.empty(), T0.plusSeconds(59))));
        inUnit(() -> store.record(change("new", Optional.empty(), T0.plusSeconds(60))));

        assertThat(store.purgeRecordedBefore(T0.plusSeconds(60))).isEqualTo(2);
        assertThat(store.find("old-1")).isEmpty();
        assertThat(store.find("old-2")).isEmpty();
        assertThat(store.find("new")).isPresent();
        assertThat(store.purgeRecordedBefore(T0.plusSeconds(60))).isZero();
    }
}

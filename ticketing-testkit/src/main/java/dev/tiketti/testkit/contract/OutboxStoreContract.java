package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.spi.OutboxEntry;
import dev.tiketti.core.spi.OutboxStore;
import dev.tiketti.core.spi.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link OutboxStore} must pass: appended entries are leased to their appender,
 * claims hand out only entries whose lease has expired, oldest first, each to one claimer at a time
 * (also under a race of eight threads), count attempts, and keep payloads verbatim; delivered
 * entries are gone for good, and erasure can discard a ticket's undelivered ones.
 *
 * <p>Subclass it once per adapter:
 * <pre>{@code
 * class JdbcOutboxStoreContractTest extends OutboxStoreContract {
 *     protected OutboxStore createStore(Clock clock) { deleteAllOutboxRows(); return new JdbcOutboxStore(ds); }
 *     protected void advanceStoreClock(Duration by) { ... make the database clock read later ... }
 *     protected Transactions transactions() { return myTransactions; }
 * }
 * }</pre>
 * {@link #createStore} must return an <em>empty</em> store. A store that measures leases on the
 * clock it is given implements {@link #advanceStoreClock} with {@link #advanceContractClock}. That
 * {@code append} joins the caller's unit of work (a rollback removes the entries) is an obligation
 * this contract cannot check for every kind of transaction: test it with your own transactions.
 *
 * <p>To prove a whole storage adapter, extend {@link StorageContract} instead: it runs this
 * contract as one of its groups, on the store your {@code Storage} provides. Extend this class
 * alone for a store proven on its own.
 *
 * @since 0.1
 */
@DisplayName("OutboxStore contract")
public abstract class OutboxStoreContract {
    /** The instant the contract clock starts at. */
    protected static final Instant START = Instant.parse("2026-01-05T06:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final ContractClock clock;
    private OutboxStore store;

    /** A contract with a clock of its own, starting at {@link #START}. */
    protected OutboxStoreContract() {
        this(new ContractClock(START));
    }

    /** A contract on {@code clock}, shared with the storage under test ({@link StorageContract}). */
    OutboxStoreContract(ContractClock clock) {
        this.clock = clock;
    }

    /** An empty store for one test; use {@code clock} where the store lets its clock be chosen. */
    protected abstract OutboxStore createStore(Clock clock);

    /** Makes the store's own clock (the one leases are measured on) read {@code by} later. */
    protected abstract void advanceStoreClock(Duration by);

    /** Transactions to run each store call in; a database store returns its own. */
    protected Transactions transactions() {
        return Transactions.none();
    }

    /** Moves the contract clock; the implementation of {@link #advanceStoreClock} for stores that use it. */
    protected final void advanceContractClock(Duration by) {
        clock.advance(by);
    }

    /** The store of the running test. */
    protected final OutboxStore store() {
        return store;
    }

    @BeforeEach
    void createTheStore() {
        store = createStore(clock);
    }

    private static OutboxEntry entry(String payload) {
        return new OutboxEntry(UUID.randomUUID().toString(), "ticket.TicketOpened",
                START.plusNanos(123_456_000), 1, payload);
    }

    private List<OutboxEntry> appended(String owner, int n) {
        List<OutboxEntry> entries = IntStream.range(0, n).mapToObj(i -> entry("{\"n\":" + i + "}")).toList();
        transactions().inTransaction(() -> {
            store.append(entries, owner, LEASE);
            return null;
        });
        return entries;
    }

    private List<OutboxEntry> claim(String owner, int limit) {
        return transactions().inTransaction(() -> store.claim(owner, LEASE, limit));
    }

    private int delivered(List<String> ids) {
        return transactions().inTransaction(() -> store.delivered(ids));
    }

    private long pending() {
        return transactions().inTransaction(() -> store.pending());
    }

    private void pastLease() {
        advanceStoreClock(LEASE.plusSeconds(1));
    }

    private static List<String> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::id).toList();
    }

    @Nested
    @DisplayName("Appending")
    class Appending {

        @Test
        @DisplayName("an appended entry is pending and leased to its appender: nobody claims it before the lease ends")
        void leasedToAppender() {
            appended("node-a", 2);

            assertThat(pending()).isEqualTo(2);
            assertThat(claim("node-b", 10)).as("claimed during the appender's lease").isEmpty();
            assertThat(claim("node-a", 10)).as("not even by the appender itself").isEmpty();
        }

        @Test
        @DisplayName("after the lease, an entry is claimed with every field as appended and its attempt counted")
        void claimedAsAppended() {
            OutboxEntry original = entry("{\"text\":\"Hyvää päivää, \\\"Aino\\\" – €\"}");
            transactions().inTransaction(() -> {
                store.append(List.of(original), "node-a", LEASE);
                return null;
            });
            pastLease();

            assertThat(claim("node-b", 10)).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo(original.id());
                assertThat(e.type()).isEqualTo(original.type());
                assertThat(e.createdAt()).isEqualTo(original.createdAt());
                assertThat(e.payload()).isEqualTo(original.payload());
                assertThat(e.attempts()).isEqualTo(2);
            });
        }

        @Test
        @DisplayName("keeps a large payload verbatim")
        void largePayload() {
            String big = "{\"body\":\"" + "Lomakysely ".repeat(6_000) + "\"}";
            OutboxEntry original = entry(big);
            transactions().inTransaction(() -> {
                store.append(List.of(original), "node-a", LEASE);
                return null;
            });
            pastLease();

            assertThat(claim("node-a", 1)).singleElement().extracting(OutboxEntry::payload).isEqualTo(big);
        }

        @Test
        @DisplayName("refuses an entry id twice, also within one call, and keeps nothing of the refused call")
        void duplicateIds() {
            List<OutboxEntry> first = appended("node-a", 1);
            OutboxEntry fresh = entry("{}");

            assertThatThrownBy(() -> transactions().inTransaction(() -> {
                store.append(List.of(fresh, first.get(0)), "node-a", LEASE);
                return null;
            })).isInstanceOf(TicketingException.class);
            assertThatThrownBy(() -> transactions().inTransaction(() -> {
                store.append(List.of(fresh, fresh), "node-a", LEASE);
                return null;
            })).isInstanceOf(TicketingException.class);

            assertThat(pending()).isEqualTo(1);
        }

        @Test
        @DisplayName("refuses a lease that is not positive")
        void badLease() {
            assertThatThrownBy(() -> store.append(List.of(entry("{}")), "node-a", Duration.ZERO))
                    .isInstanceOf(TicketingException.class);
            assertThatThrownBy(() -> store.claim("node-a", Duration.ofSeconds(-1), 1))
                    .isInstanceOf(TicketingException.class);
            assertThatThrownBy(() -> store.claim("node-a", LEASE, 0)).isInstanceOf(TicketingException.class);
            assertThat(pending()).isZero();
        }
    }

    @Nested
    @DisplayName("Claiming")
    class Claiming {

        @Test
        @DisplayName("hands out the oldest entries first, in append order, at most limit of them")
        void oldestFirst() {
            List<OutboxEntry> first = appended("node-a", 3);
            List<OutboxEntry> second = appended("node-a", 3);
            pastLease();

            List<OutboxEntry> a = claim("node-b", 4);
            List<OutboxEntry> b = claim("node-b", 4);

            List<String> expected = new ArrayList<>(ids(first));
            expected.addAll(ids(second));
            assertThat(ids(a)).containsExactlyElementsOf(expected.subList(0, 4));
            assertThat(ids(b)).containsExactlyElementsOf(expected.subList(4, 6));
        }

        @Test
        @DisplayName("does not hand out a claimed entry again during its lease; after it, with one more attempt")
        void claimedOnceAtATime() {
            appended("node-a", 1);
            pastLease();
            assertThat(claim("node-b", 10)).singleElement().extracting(OutboxEntry::attempts).isEqualTo(2);

            assertThat(claim("node-c", 10)).as("during node-b's lease").isEmpty();
            pastLease();

            assertThat(claim("node-c", 10)).singleElement().extracting(OutboxEntry::attempts).isEqualTo(3);
        }

        @Test
        @DisplayName("lets eight racing claimers get each of 400 entries exactly once")
        void race() throws Exception {
            int total = 400;
            for (int i = 0; i < 8; i++) {
                appended("node-a", total / 8);
            }
            pastLease();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger duplicates = new AtomicInteger();
            AtomicInteger thread = new AtomicInteger();

            Concurrently.run(8, () -> {
                String owner = "node-" + (thread.getAndIncrement() % 2) + "-" + Thread.currentThread().getId();
                // bounded, so that a store handing out entries forever fails instead of hanging
                List<OutboxEntry> batch;
                for (int round = 0; round < total && !(batch = claim(owner, 7)).isEmpty(); round++) {
                    for (OutboxEntry e : batch) {
                        if (!seen.add(e.id())) {
                            duplicates.incrementAndGet();
                        }
                    }
                }
                return null;
            });

            assertThat(duplicates.get()).as("entries handed out twice during their lease").isZero();
            assertThat(seen).hasSize(total);
        }
    }

    @Nested
    @DisplayName("Delivered entries")
    class Delivered {

        @Test
        @DisplayName("are removed for good and never handed out again; unknown ids are ignored")
        void removed() {
            List<OutboxEntry> entries = appended("node-a", 3);

            int removed = delivered(List.of(entries.get(0).id(), entries.get(2).id(), UUID.randomUUID().toString()));
            pastLease();

            assertThat(removed).isEqualTo(2);
            assertThat(pending()).isEqualTo(1);
            assertThat(ids(claim("node-b", 10))).containsExactly(entries.get(1).id());
            assertThat(delivered(List.of(entries.get(0).id()))).as("removing twice").isZero();
        }

        @Test
        @DisplayName("may be reported by any node, also after another node claimed them")
        void byAnyNode() {
            List<OutboxEntry> entries = appended("node-a", 2);
            pastLease();
            claim("node-b", 10);

            assertThat(delivered(ids(entries))).isEqualTo(2);
            pastLease();
            assertThat(claim("node-c", 10)).isEmpty();
            assertThat(pending()).isZero();
        }

        @Test
        @DisplayName("an empty list changes nothing")
        void emptyList() {
            appended("node-a", 1);
            assertThat(delivered(List.of())).isZero();
            assertThat(pending()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("Discarding (erasure)")
    class Discarding {

        @Test
        @DisplayName("removes the entries of the given tickets, leased or not, and keeps the others with their ticket")
        void byTicket() {
            TicketId erased = TicketId.random();
            TicketId other = TicketId.random();
            OutboxEntry a = new OutboxEntry(UUID.randomUUID().toString(), "ticket.TicketUpdated", Optional.of(erased),
                    START, 1, "{}");
            OutboxEntry b = new OutboxEntry(UUID.randomUUID().toString(), "message", Optional.of(erased), START, 1,
                    "{}");
            OutboxEntry c = new OutboxEntry(UUID.randomUUID().toString(), "ticket.TicketUpdated", Optional.of(other),
                    START, 1, "{}");
            OutboxEntry d = entry("{}");
            transactions().inTransaction(() -> {
                store.append(List.of(a, b, c, d), "node-a", LEASE);
                return null;
            });

            int discarded = transactions().inTransaction(() -> store.discard(List.of(erased)));
            pastLease();

            assertThat(discarded).isEqualTo(2);
            assertThat(claim("node-b", 10)).extracting(OutboxEntry::id, OutboxEntry::ticketId)
                    .containsExactly(tuple(c.id(), Optional.of(other)), tuple(d.id(), Optional.empty()));
            assertThat(transactions().inTransaction(() -> store.discard(List.of()))).isZero();
        }
    }
}

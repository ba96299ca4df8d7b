package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.spi.OutboxDelivery;
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
 * (also under a race of eight threads), count attempts, and keep payloads verbatim; each entry keeps
 * the per-recipient deliveries core records, is not claimed before its back-off has passed, and is
 * parked once its deliveries are dead — listed, counted, re-triable and discardable; delivered
 * entries are gone for good, and erasure can discard a ticket's entries, dead ones included.
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

    private boolean reschedule(String id, Duration retryAfter, OutboxDelivery... deliveries) {
        return transactions().inTransaction(() -> store.reschedule(id, List.of(deliveries), retryAfter));
    }

    private List<OutboxEntry> dead(int limit) {
        return transactions().inTransaction(() -> store.dead(limit));
    }

    private long deadCount() {
        return transactions().inTransaction(() -> store.deadCount());
    }

    private int retryDead(List<String> ids) {
        return transactions().inTransaction(() -> store.retryDead(ids));
    }

    private int discardDead(List<String> ids) {
        return transactions().inTransaction(() -> store.discardDead(ids));
    }

    /** A listener's delivery that failed {@code failures} times, at instants a store keeps to the microsecond. */
    private static OutboxDelivery failing(String recipient, int failures) {
        return OutboxDelivery.failing(recipient, failures, IllegalStateException.class.getName(), Optional.empty(),
                START.plusNanos(123_456_000), START.plusSeconds(failures * 10L).plusNanos(654_321_000));
    }

    /** The same, given up after its last attempt. */
    private static OutboxDelivery dead(String recipient, int failures) {
        return failing(recipient, failures).dead();
    }

    /** The transport's failed delivery, with a Tiketti error code. */
    private static OutboxDelivery transportFailing() {
        return OutboxDelivery.failing("outbound-transport", 1, "dev.tiketti.core.common.StorageUnavailableException",
                Optional.of("TKT-0601"), START.plusSeconds(1), START.plusSeconds(1));
    }

    private static OutboxEntry about(TicketId ticket) {
        return new OutboxEntry(UUID.randomUUID().toString(), "ticket.TicketUpdated", Optional.of(ticket), START, 1,
                "{}");
    }

    private void append(OutboxEntry... entries) {
        transactions().inTransaction(() -> {
            store.append(List.of(entries), "node-a", LEASE);
            return null;
        });
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
                assertThat(e.deliveries()).as("no delivery recorded yet").isEmpty();
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
    @DisplayName("Per-recipient deliveries")
    class PerRecipient {

        @Test
        @DisplayName("keeps the deliveries of a round, every field as given, and hands them out with the entry")
        void keptAsGiven() {
            OutboxEntry entry = appended("node-a", 1).get(0);
            OutboxDelivery audit = OutboxDelivery.done("audit");
            OutboxDelivery slack = failing("slack", 2);
            OutboxDelivery transport = transportFailing();

            assertThat(reschedule(entry.id(), Duration.ZERO, audit, slack, transport)).isTrue();

            assertThat(claim("node-b", 10)).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo(entry.id());
                assertThat(e.payload()).isEqualTo(entry.payload());
                assertThat(e.deliveries()).containsExactlyInAnyOrder(audit, slack, transport);
            });
        }

        @Test
        @DisplayName("a later round's deliveries replace the earlier ones; they are not merged")
        void replaced() {
            OutboxEntry entry = appended("node-a", 1).get(0);
            reschedule(entry.id(), Duration.ZERO, OutboxDelivery.done("audit"), failing("slack", 1));

            reschedule(entry.id(), Duration.ZERO, OutboxDelivery.done("slack"), failing("hr-chat", 1));

            assertThat(claim("node-b", 10)).singleElement().extracting(OutboxEntry::deliveries)
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(OutboxDelivery.class))
                    .containsExactlyInAnyOrder(OutboxDelivery.done("slack"), failing("hr-chat", 1));
        }

        @Test
        @DisplayName("ignores an unknown entry, and refuses two deliveries to one recipient or a negative back-off")
        void refusals() {
            OutboxEntry entry = appended("node-a", 1).get(0);

            assertThat(reschedule(UUID.randomUUID().toString(), Duration.ZERO, dead("slack", 3))).isFalse();
            assertThatThrownBy(() -> reschedule(entry.id(), Duration.ZERO, failing("slack", 1), dead("slack", 2)))
                    .isInstanceOf(TicketingException.class).hasMessageContaining("slack");
            assertThatThrownBy(() -> reschedule(entry.id(), Duration.ofSeconds(-1), failing("slack", 1)))
                    .isInstanceOf(TicketingException.class);

            assertThat(deadCount()).isZero();
            assertThat(pending()).isEqualTo(1);
            assertThat(claim("node-b", 10)).as("still in its lease").isEmpty();
        }
    }

    @Nested
    @DisplayName("Back-off")
    class Backoff {

        @Test
        @DisplayName("a rescheduled entry is not claimed before its back-off has passed, even after its lease; then it is")
        void honoured() {
            List<OutboxEntry> entries = appended("node-a", 2);
            Duration backoff = Duration.ofMinutes(10);
            reschedule(entries.get(0).id(), backoff, OutboxDelivery.done("audit"), failing("slack", 1));

            pastLease();
            assertThat(ids(claim("node-b", 10))).as("after the lease, during the back-off")
                    .containsExactly(entries.get(1).id());
            delivered(List.of(entries.get(1).id()));
            advanceStoreClock(Duration.ofMinutes(8));
            assertThat(claim("node-b", 10)).as("a minute before the back-off ends").isEmpty();
            advanceStoreClock(Duration.ofMinutes(2));

            assertThat(claim("node-c", 10)).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo(entries.get(0).id());
                assertThat(e.attempts()).isEqualTo(2);
                assertThat(e.deliveries()).containsExactlyInAnyOrder(OutboxDelivery.done("audit"), failing("slack", 1));
            });
        }

        @Test
        @DisplayName("a back-off of zero makes the entry claimable at once, also during the lease it was claimed with")
        void zero() {
            OutboxEntry entry = appended("node-a", 1).get(0);

            reschedule(entry.id(), Duration.ZERO, failing("slack", 1));

            assertThat(ids(claim("node-b", 10))).containsExactly(entry.id());
            assertThat(claim("node-c", 10)).as("leased to node-b now").isEmpty();
            assertThat(pending()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("Dead deliveries")
    class Dead {

        @Test
        @DisplayName("an entry whose deliveries are dead and none failing is parked: never claimed, not pending, listed and counted")
        void parked() {
            List<OutboxEntry> entries = appended("node-a", 2);
            OutboxDelivery slack = dead("slack", 12);
            reschedule(entries.get(0).id(), Duration.ZERO, OutboxDelivery.done("audit"), slack);

            advanceStoreClock(Duration.ofDays(3));

            assertThat(ids(claim("node-b", 10))).containsExactly(entries.get(1).id());
            advanceStoreClock(Duration.ofDays(3));
            assertThat(ids(claim("node-b", 10))).as("never the parked one").containsExactly(entries.get(1).id());
            assertThat(pending()).isEqualTo(1);
            assertThat(deadCount()).isEqualTo(1);
            assertThat(dead(10)).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo(entries.get(0).id());
                assertThat(e.type()).isEqualTo(entries.get(0).type());
                assertThat(e.createdAt()).isEqualTo(entries.get(0).createdAt());
                assertThat(e.deliveries()).containsExactlyInAnyOrder(OutboxDelivery.done("audit"), slack);
            });
        }

        @Test
        @DisplayName("an entry with a dead and a failing delivery is claimed after its back-off, and listed as dead too")
        void deadAndFailing() {
            OutboxEntry entry = appended("node-a", 1).get(0);

            reschedule(entry.id(), Duration.ZERO, dead("slack", 12), failing("hr-chat", 3));

            assertThat(pending()).isEqualTo(1);
            assertThat(deadCount()).isEqualTo(1);
            assertThat(ids(dead(10))).containsExactly(entry.id());
            assertThat(ids(claim("node-b", 10))).containsExactly(entry.id());
        }

        @Test
        @DisplayName("are listed oldest entry first, at most limit entries; deadCount counts every dead delivery")
        void listing() {
            List<OutboxEntry> entries = appended("node-a", 3);
            reschedule(entries.get(2).id(), Duration.ZERO, dead("slack", 4), dead("hr-chat", 4));
            reschedule(entries.get(0).id(), Duration.ZERO, dead("slack", 4));
            reschedule(entries.get(1).id(), Duration.ZERO, failing("slack", 1));

            assertThat(deadCount()).isEqualTo(3);
            assertThat(ids(dead(10))).containsExactly(entries.get(0).id(), entries.get(2).id());
            assertThat(ids(dead(1))).containsExactly(entries.get(0).id());
            assertThatThrownBy(() -> dead(0)).isInstanceOf(TicketingException.class);
        }

        @Test
        @DisplayName("retryDead puts them back with 0 failures, error kept, and a parked entry is claimable at once")
        void retried() {
            List<OutboxEntry> entries = appended("node-a", 2);
            OutboxDelivery slack = dead("slack", 12);
            reschedule(entries.get(0).id(), Duration.ofDays(1), OutboxDelivery.done("audit"), slack);

            assertThat(retryDead(List.of(entries.get(0).id(), entries.get(1).id(), UUID.randomUUID().toString())))
                    .as("entries that had a dead delivery").isEqualTo(1);

            assertThat(deadCount()).isZero();
            assertThat(dead(10)).isEmpty();
            assertThat(pending()).isEqualTo(2);
            assertThat(claim("node-b", 10)).as("at once, before the others' lease ends").singleElement()
                    .satisfies(e -> {
                        assertThat(e.id()).isEqualTo(entries.get(0).id());
                        assertThat(e.deliveries()).containsExactlyInAnyOrder(OutboxDelivery.done("audit"),
                                slack.retried());
                    });
            assertThat(retryDead(List.of(entries.get(0).id()))).as("nothing dead left").isZero();
        }

        @Test
        @DisplayName("discardDead gives them up: an entry owing nothing else goes, one still failing stays for the others")
        void discarded() {
            List<OutboxEntry> entries = appended("node-a", 2);
            reschedule(entries.get(0).id(), Duration.ZERO, OutboxDelivery.done("audit"), dead("slack", 12));
            reschedule(entries.get(1).id(), Duration.ZERO, dead("slack", 12), failing("hr-chat", 2));

            assertThat(discardDead(List.of(entries.get(0).id(), entries.get(1).id(), UUID.randomUUID().toString())))
                    .isEqualTo(2);

            assertThat(deadCount()).isZero();
            assertThat(dead(10)).isEmpty();
            assertThat(pending()).isEqualTo(1);
            assertThat(claim("node-b", 10)).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo(entries.get(1).id());
                assertThat(e.deliveries()).containsExactlyInAnyOrder(dead("slack", 12).discarded(),
                        failing("hr-chat", 2));
            });
            assertThat(discardDead(List.of(entries.get(0).id()))).as("gone").isZero();
        }

        @Test
        @DisplayName("delivered removes an entry with its deliveries, dead ones included")
        void deliveredRemovesDead() {
            OutboxEntry entry = appended("node-a", 1).get(0);
            reschedule(entry.id(), Duration.ZERO, dead("slack", 12));

            assertThat(delivered(List.of(entry.id()))).isEqualTo(1);

            assertThat(deadCount()).isZero();
            assertThat(dead(10)).isEmpty();
            assertThat(retryDead(List.of(entry.id()))).isZero();
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

        @Test
        @DisplayName("removes the given tickets' entries also when parked as dead or backing off, with their deliveries")
        void deadToo() {
            TicketId erased = TicketId.random();
            TicketId other = TicketId.random();
            OutboxEntry parked = about(erased);
            OutboxEntry backingOff = about(erased);
            OutboxEntry othersDead = about(other);
            append(parked, backingOff, othersDead);
            reschedule(parked.id(), Duration.ZERO, OutboxDelivery.done("audit"), dead("slack", 12));
            reschedule(backingOff.id(), Duration.ofMinutes(10), dead("slack", 12), failing("hr-chat", 1));
            reschedule(othersDead.id(), Duration.ZERO, dead("slack", 12));

            int discarded = transactions().inTransaction(() -> store.discard(List.of(erased)));

            assertThat(discarded).isEqualTo(2);
            assertThat(deadCount()).as("the erased tickets' dead deliveries are gone").isEqualTo(1);
            assertThat(dead(10)).extracting(OutboxEntry::id, OutboxEntry::ticketId)
                    .containsExactly(tuple(othersDead.id(), Optional.of(other)));
            assertThat(retryDead(List.of(parked.id(), backingOff.id()))).isZero();
            assertThat(discardDead(List.of(parked.id(), backingOff.id()))).isZero();
            assertThat(pending()).isZero();
            advanceStoreClock(Duration.ofMinutes(11));
            assertThat(claim("node-b", 10)).isEmpty();
        }
    }
}

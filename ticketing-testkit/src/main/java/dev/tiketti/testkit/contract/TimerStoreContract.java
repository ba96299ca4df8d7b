package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.sla.ClaimedTimer;
import dev.tiketti.core.sla.FiredTimer;
import dev.tiketti.core.sla.ScheduledTimer;
import dev.tiketti.core.sla.TimerId;
import dev.tiketti.core.sla.TimerKind;
import dev.tiketti.core.sla.TimerRequest;
import dev.tiketti.core.sla.TimerState;
import dev.tiketti.core.spi.TimerStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.timer.TimerService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TimerStore} must pass: idempotent scheduling, claims that only hand
 * out due timers, leases on the store's own clock, fencing of stale owners, release with back-off,
 * and exactly-once firing by two {@link TimerService}s polling one store from several threads.
 *
 * <p>Subclass it once per adapter:
 * <pre>{@code
 * class MyTimerStoreContractTest extends TimerStoreContract {
 *     protected TimerStore createStore(Clock clock) { return storage.timers().orElseThrow(); } // DB clock
 *     protected void advanceStoreClock(Duration by) { ... make the database clock read later ... }
 *     protected Transactions transactions() { return storage.transactions(); }
 * }
 * }</pre>
 * A store that measures leases on the clock it is given implements {@link #advanceStoreClock} with
 * {@link #advanceContractClock}. A store on a database clock may shorten {@link #lease()} and
 * advance by waiting, or shift the database's notion of now. Timers of each test use kinds unique to
 * that test, so a store need not be emptied between tests.
 *
 * <p>To prove a whole storage adapter, extend {@link StorageContract} instead: it runs this
 * contract as one of its groups, on the store your {@code Storage} provides. Extend this class
 * alone for a store proven on its own.
 *
 * @since 0.1
 */
@DisplayName("TimerStore contract")
public abstract class TimerStoreContract {
    /** The instant the contract clock starts at: Monday 5 January 2026, 08:00 in Helsinki. */
    protected static final Instant START = Instant.parse("2026-01-05T06:00:00Z");
    /** Timers in the soak of two services with four poller threads each. */
    private static final int SOAK_TIMERS = 10_000;

    private final ContractClock clock;
    private final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final List<TimerService> services = new ArrayList<>();
    private final Set<TimerKind> kindsUsed = ConcurrentHashMap.newKeySet();
    private TimerStore store;

    /** A contract with a clock of its own, starting at {@link #START}. */
    protected TimerStoreContract() {
        this(new ContractClock(START));
    }

    /** A contract on {@code clock}, shared with the storage under test ({@link StorageContract}). */
    TimerStoreContract(ContractClock clock) {
        this.clock = clock;
    }

    /**
     * A store for one test. Use {@code clock} wherever the store lets its clock be chosen (the
     * in-memory store measures leases on it); a store on the database clock may ignore it.
     */
    protected abstract TimerStore createStore(Clock clock);

    /** Makes the store's own clock (the one leases and back-offs are measured on) read {@code by} later. */
    protected abstract void advanceStoreClock(Duration by);

    /** Transactions to run each handler and its completion in; a database store returns its own. */
    protected Transactions transactions() {
        return Transactions.none();
    }

    /** The lease of the lease-expiry tests; a store on a database clock may shorten it and wait. */
    protected Duration lease() {
        return Duration.ofSeconds(30);
    }

    /** The clock handed to {@link #createStore}; it also decides which timers are due for the services. */
    protected final Clock contractClock() {
        return clock;
    }

    /** Moves the contract clock; the implementation of {@link #advanceStoreClock} for stores that use it. */
    protected final void advanceContractClock(Duration by) {
        clock.advance(by);
    }

    /** The store of the running test. */
    protected final TimerStore store() {
        return store;
    }

    @BeforeEach
    void createTheStore() {
        store = createStore(clock);
    }

    @AfterEach
    void closeServicesAndCheckInvariants() {
        services.forEach(TimerService::close);
        if (store == null) {
            return; // the test was skipped before it had a store (StorageContract: a storage without timers)
        }
        // Invariants after every test (STYLE 18): pending lists no fired timer, oldest due first,
        // and what it lists agrees with find().
        List<ScheduledTimer> pending = pendingOf(kindsUsed, Integer.MAX_VALUE);
        assertThat(pending).as("pending lists only unfired timers")
                .allSatisfy(t -> assertThat(t.state()).isNotEqualTo(TimerState.FIRED));
        for (int i = 1; i < pending.size(); i++) {
            assertThat(pending.get(i).due()).as("pending is ordered by due").isAfterOrEqualTo(pending.get(i - 1).due());
        }
        for (ScheduledTimer t : pending.subList(0, Math.min(pending.size(), 50))) {
            assertThat(store.find(t.id())).as("find agrees with pending for %s", t.id())
                    .hasValueSatisfying(f -> assertThat(f.due()).isEqualTo(t.due()));
        }
    }

    private TimerKind kind(String name) {
        TimerKind kind = TimerKind.of(name + "-" + tag);
        kindsUsed.add(kind);
        return kind;
    }

    private TimerId timer(String kind, String subject) {
        return TimerId.of(kind(kind), subject);
    }

    private void schedule(TimerId id, Instant due) {
        store.schedule(TimerRequest.of(id, due));
    }

    private List<ClaimedTimer> claim(Collection<TimerKind> kinds, Instant dueAtOrBefore, String owner, int limit) {
        return store.claimDue(kinds, dueAtOrBefore, owner, lease(), limit);
    }

    private ClaimedTimer claimOne(TimerId id, String owner) {
        List<ClaimedTimer> claims = claim(Set.of(id.kind()), START.plus(Duration.ofDays(365)), owner, 10);
        assertThat(claims).as("claims of %s", id).extracting(ClaimedTimer::id).containsExactly(id);
        return claims.get(0);
    }

    private Duration pastLease() {
        return lease().plus(lease().dividedBy(2)).plusMillis(1);
    }

    private ScheduledTimer found(TimerId id) {
        return store.find(id).orElseThrow(() -> new AssertionError("timer " + id + " should be stored"));
    }

    private List<ScheduledTimer> pendingOf(Set<TimerKind> kinds, int limit) {
        return store.pending(limit).stream().filter(t -> kinds.contains(t.id().kind())).collect(Collectors.toList());
    }

    private TimerService service(String owner, TimerKind kind, Map<TimerId, Integer> counts, int threads) {
        TimerService service = TimerService.builder(store)
                .clock(clock)
                .transactions(transactions())
                .owner(owner)
                .lease(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(5))
                .pollerThreads(threads)
                .batchSize(25)
                .handler(kind, t -> counts.merge(t.id(), 1, Integer::sum))
                .build();
        services.add(service);
        return service;
    }

    @Nested
    @DisplayName("Scheduling")
    class Scheduling {

        @Test
        @DisplayName("a scheduled timer can be found as pending with its due instant")
        void scheduledIsPending() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START.plusSeconds(60));

            ScheduledTimer t = found(id);
            assertThat(t.due()).isEqualTo(START.plusSeconds(60));
            assertThat(t.state()).isEqualTo(TimerState.PENDING);
            assertThat(t.owner()).isEmpty();
            assertThat(t.attempts()).isZero();
            assertThat(store.find(timer("breach", "ticket-2"))).isEmpty();
        }

        @Test
        @DisplayName("scheduling an id again keeps one timer and replaces its due instant")
        void rescheduleReplaces() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START.plusSeconds(60));
            schedule(id, START.plusSeconds(600));

            assertThat(found(id).due()).isEqualTo(START.plusSeconds(600));
            assertThat(pendingOf(Set.of(id.kind()), 100)).extracting(ScheduledTimer::id).containsExactly(id);
            assertThat(claim(Set.of(id.kind()), START.plusSeconds(599), "node-a", 10)).isEmpty();
            assertThat(claim(Set.of(id.kind()), START.plusSeconds(600), "node-a", 10))
                    .extracting(ClaimedTimer::due).containsExactly(START.plusSeconds(600));
        }

        @Test
        @DisplayName("scheduling the same due instant again leaves a running claim valid")
        void sameDueIsNoOp() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            ClaimedTimer claim = claimOne(id, "node-a");

            schedule(id, START);

            assertThat(found(id).state()).isEqualTo(TimerState.CLAIMED);
            assertThat(store.complete(claim)).isTrue();
        }

        @Test
        @DisplayName("rescheduling a claimed timer voids the claim and restarts its attempts")
        void rescheduleVoidsClaim() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            ClaimedTimer old = claimOne(id, "node-a");

            schedule(id, START.plusSeconds(3600));

            assertThat(store.complete(old)).as("the old claim completes").isFalse();
            assertThat(store.release(old, Duration.ZERO)).as("the old claim releases").isFalse();
            ScheduledTimer t = found(id);
            assertThat(t.state()).isEqualTo(TimerState.PENDING);
            assertThat(t.due()).isEqualTo(START.plusSeconds(3600));
            assertThat(claim(Set.of(id.kind()), START, "node-b", 10)).isEmpty();
            ClaimedTimer fresh = claim(Set.of(id.kind()), START.plusSeconds(3600), "node-b", 10).get(0);
            assertThat(fresh.attempt()).isEqualTo(1);
            assertThat(fresh.fencingToken()).isGreaterThan(old.fencingToken());
        }

        @Test
        @DisplayName("a fired timer does not fire again for its own due instant but is re-armed by a new one")
        void firedTimerRearmsOnlyForNewDue() {
            TimerId id = timer("reminder", "ticket-1");
            schedule(id, START);
            assertThat(store.complete(claimOne(id, "node-a"))).isTrue();

            schedule(id, START);
            assertThat(found(id).state()).isEqualTo(TimerState.FIRED);
            assertThat(claim(Set.of(id.kind()), START.plusSeconds(3600), "node-a", 10)).isEmpty();

            schedule(id, START.plusSeconds(60));
            assertThat(found(id).state()).isEqualTo(TimerState.PENDING);
            ClaimedTimer again = claimOne(id, "node-b");
            assertThat(again.due()).isEqualTo(START.plusSeconds(60));
            assertThat(again.attempt()).isEqualTo(1);
            assertThat(store.complete(again)).isTrue();
        }

        @Test
        @DisplayName("cancelling removes a pending timer and makes its claim stale")
        void cancel() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            ClaimedTimer claim = claimOne(id, "node-a");

            assertThat(store.cancel(id)).isTrue();

            assertThat(store.find(id)).isEmpty();
            assertThat(store.complete(claim)).isFalse();
            assertThat(store.cancel(id)).as("cancelling twice").isFalse();
        }

        @Test
        @DisplayName("a timer re-scheduled after cancel gets tokens larger than any before, so old claims stay stale")
        void tokensGrowAcrossCancel() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            ClaimedTimer before = claimOne(id, "node-a");
            store.cancel(id);
            schedule(id, START);

            ClaimedTimer after = claimOne(id, "node-a");

            assertThat(after.fencingToken()).isGreaterThan(before.fencingToken());
            assertThat(store.complete(before)).isFalse();
            assertThat(store.complete(after)).isTrue();
        }

        @Test
        @DisplayName("cancelling a fired timer removes it and reports that nothing pending was cancelled")
        void cancelFired() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            store.complete(claimOne(id, "node-a"));

            assertThat(store.cancel(id)).isFalse();
            assertThat(store.find(id)).isEmpty();
        }

        @Test
        @DisplayName("pending lists timers not fired yet, oldest due first")
        void pendingOrder() {
            TimerKind kind = kind("breach");
            schedule(TimerId.of(kind, "c"), START.plusSeconds(30));
            schedule(TimerId.of(kind, "a"), START.plusSeconds(10));
            schedule(TimerId.of(kind, "b"), START.plusSeconds(20));
            schedule(TimerId.of(kind, "d"), START);
            List<ClaimedTimer> claims = claim(Set.of(kind), START, "node-a", 10);
            assertThat(claims).extracting(ClaimedTimer::subject).containsExactly("d");
            assertThat(store.complete(claims.get(0))).isTrue();

            assertThat(pendingOf(Set.of(kind), 1000)).extracting(t -> t.id().subject()).containsExactly("a", "b", "c");
        }

        @Test
        @DisplayName("pending returns at most the limit asked for")
        void pendingLimit() {
            TimerKind kind = kind("breach");
            for (int i = 0; i < 5; i++) {
                schedule(TimerId.of(kind, "t" + i), START.minus(Duration.ofDays(10_000)).plusSeconds(i));
            }

            assertThat(store.pending(2)).hasSize(2);
            assertThat(store.pending(3)).hasSizeLessThanOrEqualTo(3);
        }
    }

    @Nested
    @DisplayName("Claiming")
    class Claiming {

        @Test
        @DisplayName("only timers due at or before the given instant are claimed")
        void onlyDue() {
            TimerKind kind = kind("breach");
            schedule(TimerId.of(kind, "early"), START.minusSeconds(1));
            schedule(TimerId.of(kind, "exact"), START);
            schedule(TimerId.of(kind, "late"), START.plusMillis(1));

            List<ClaimedTimer> claims = claim(Set.of(kind), START, "node-a", 10);

            assertThat(claims).extracting(ClaimedTimer::subject).containsExactly("early", "exact");
            assertThat(found(TimerId.of(kind, "late")).state()).isEqualTo(TimerState.PENDING);
        }

        @Test
        @DisplayName("claims come oldest due first and never more than the limit")
        void orderAndLimit() {
            TimerKind kind = kind("breach");
            for (int i = 0; i < 5; i++) {
                schedule(TimerId.of(kind, "t" + i), START.minusSeconds(i));
            }

            List<ClaimedTimer> first = claim(Set.of(kind), START, "node-a", 3);
            List<ClaimedTimer> rest = claim(Set.of(kind), START, "node-a", 3);

            assertThat(first).extracting(ClaimedTimer::subject).containsExactly("t4", "t3", "t2");
            assertThat(rest).extracting(ClaimedTimer::subject).containsExactly("t1", "t0");
        }

        @Test
        @DisplayName("only the kinds asked for are claimed, and no kinds claims nothing")
        void onlyKindsAskedFor() {
            TimerId breach = timer("breach", "ticket-1");
            TimerId reminder = timer("reminder", "ticket-1");
            schedule(breach, START);
            schedule(reminder, START);

            assertThat(claim(Set.of(), START, "node-a", 10)).isEmpty();
            assertThat(claim(Set.of(breach.kind()), START, "node-a", 10)).extracting(ClaimedTimer::id)
                    .containsExactly(breach);
            assertThat(found(reminder).state()).isEqualTo(TimerState.PENDING);
        }

        @Test
        @DisplayName("a claim names its timer, due instant, owner, first attempt and a lease the store reports")
        void claimContents() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START.minusSeconds(5));

            ClaimedTimer claim = claimOne(id, "node-a");

            assertThat(claim.kind()).isEqualTo(id.kind());
            assertThat(claim.subject()).isEqualTo("ticket-1");
            assertThat(claim.due()).isEqualTo(START.minusSeconds(5));
            assertThat(claim.owner()).isEqualTo("node-a");
            assertThat(claim.attempt()).isEqualTo(1);
            ScheduledTimer t = found(id);
            assertThat(t.state()).isEqualTo(TimerState.CLAIMED);
            assertThat(t.owner()).contains("node-a");
            assertThat(t.heldUntil()).contains(claim.leaseExpiry());
            assertThat(t.attempts()).isEqualTo(1);
        }

        @Test
        @DisplayName("a timer under an unexpired lease is not handed to anyone else")
        void leaseExcludesOthers() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            claimOne(id, "node-a");

            assertThat(claim(Set.of(id.kind()), START, "node-b", 10)).isEmpty();
            assertThat(claim(Set.of(id.kind()), START, "node-a", 10)).as("not even to its own owner again").isEmpty();
        }

        @Test
        @DisplayName("after the lease expires on the store's clock another owner claims it with a larger token")
        void leaseExpiryAllowsReclaim() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            ClaimedTimer first = claimOne(id, "node-a");

            advanceStoreClock(pastLease());
            ClaimedTimer second = claimOne(id, "node-b");

            assertThat(second.owner()).isEqualTo("node-b");
            assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
            assertThat(second.attempt()).isEqualTo(2);
            assertThat(second.leaseExpiry()).isAfter(first.leaseExpiry());
            assertThat(found(id).owner()).contains("node-b");
        }
    }

    @Nested
    @DisplayName("Completing")
    class Completing {

        @Test
        @DisplayName("completing a current claim fires the timer, and it is never claimed again")
        void completeFires() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            ClaimedTimer claim = claimOne(id, "node-a");

            assertThat(store.complete(claim)).isTrue();

            ScheduledTimer t = found(id);
            assertThat(t.state()).isEqualTo(TimerState.FIRED);
            assertThat(t.due()).isEqualTo(START);
            assertThat(t.owner()).isEmpty();
            advanceStoreClock(pastLease());
            assertThat(claim(Set.of(id.kind()), START.plusSeconds(3600), "node-b", 10)).isEmpty();
            assertThat(pendingOf(Set.of(id.kind()), 100)).isEmpty();
        }

        @Test
        @DisplayName("completing the same claim twice succeeds once")
        void completeTwice() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            ClaimedTimer claim = claimOne(id, "node-a");

            assertThat(store.complete(claim)).isTrue();
            assertThat(store.complete(claim)).isFalse();
        }

        @Test
        @DisplayName("a stale owner whose lease expired and was re-claimed cannot complete; the new owner can")
        void fencing() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            ClaimedTimer stale = claimOne(id, "node-a");
            advanceStoreClock(pastLease());
            ClaimedTimer current = claimOne(id, "node-b");

            assertThat(store.complete(stale)).isFalse();
            assertThat(found(id).state()).isEqualTo(TimerState.CLAIMED);
            assertThat(store.complete(current)).isTrue();
            assertThat(store.complete(stale)).isFalse();
        }

        @Test
        @DisplayName("an owner that re-claims after its own lease expired fences its older claim too")
        void fencingWithinOneOwner() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            ClaimedTimer stalledThread = claimOne(id, "node-a");
            advanceStoreClock(pastLease());
            ClaimedTimer otherThread = claimOne(id, "node-a");

            assertThat(store.complete(stalledThread)).isFalse();
            assertThat(store.release(stalledThread, Duration.ZERO)).isFalse();
            assertThat(store.complete(otherThread)).isTrue();
        }

        @Test
        @DisplayName("a claim whose lease expired but that nobody re-claimed still completes")
        void lateButUncontestedCompletes() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            ClaimedTimer claim = claimOne(id, "node-a");
            advanceStoreClock(pastLease());

            assertThat(store.complete(claim)).isTrue();
            assertThat(found(id).state()).isEqualTo(TimerState.FIRED);
        }

        @Test
        @DisplayName("a claim with another owner, token or due instant than the stored one is refused")
        void forgedClaimsRefused() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            ClaimedTimer real = claimOne(id, "node-a");

            assertThat(store.complete(new ClaimedTimer(id, real.due(), "node-b", real.leaseExpiry(),
                    real.fencingToken(), real.attempt()))).isFalse();
            assertThat(store.complete(new ClaimedTimer(id, real.due(), real.owner(), real.leaseExpiry(),
                    real.fencingToken() + 1, real.attempt()))).isFalse();
            assertThat(store.complete(new ClaimedTimer(id, real.due().plusSeconds(1), real.owner(),
                    real.leaseExpiry(), real.fencingToken(), real.attempt()))).isFalse();
            assertThat(store.complete(new ClaimedTimer(timer("breach", "ticket-2"), real.due(), real.owner(),
                    real.leaseExpiry(), real.fencingToken(), real.attempt()))).isFalse();
            assertThat(found(id).state()).isEqualTo(TimerState.CLAIMED);
            assertThat(store.complete(real)).isTrue();
        }
    }

    @Nested
    @DisplayName("Releasing")
    class Releasing {

        @Test
        @DisplayName("a released timer can be claimed again at once, counting attempts on")
        void releaseAtOnce() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            ClaimedTimer first = claimOne(id, "node-a");

            assertThat(store.release(first, Duration.ZERO)).isTrue();

            assertThat(found(id).state()).isEqualTo(TimerState.PENDING);
            ClaimedTimer second = claimOne(id, "node-b");
            assertThat(second.attempt()).isEqualTo(2);
            assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
            assertThat(store.complete(first)).as("the released claim completes").isFalse();
            assertThat(store.complete(second)).isTrue();
        }

        @Test
        @DisplayName("a release with a back-off holds the timer until the back-off has passed on the store's clock")
        void releaseWithBackoff() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            ClaimedTimer first = claimOne(id, "node-a");

            assertThat(store.release(first, lease())).isTrue();

            ScheduledTimer held = found(id);
            assertThat(held.state()).isEqualTo(TimerState.PENDING);
            assertThat(held.owner()).isEmpty();
            assertThat(held.heldUntil()).isPresent();
            assertThat(claim(Set.of(id.kind()), START.plusSeconds(3600), "node-b", 10)).isEmpty();
            advanceStoreClock(pastLease());
            assertThat(claimOne(id, "node-b").attempt()).isEqualTo(2);
        }

        @Test
        @DisplayName("releasing a stale or already released claim changes nothing")
        void staleRelease() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            ClaimedTimer stale = claimOne(id, "node-a");
            advanceStoreClock(pastLease());
            ClaimedTimer current = claimOne(id, "node-b");

            assertThat(store.release(stale, Duration.ZERO)).isFalse();
            assertThat(found(id).owner()).contains("node-b");
            assertThat(store.release(current, Duration.ZERO)).isTrue();
            assertThat(store.release(current, Duration.ZERO)).isFalse();
        }
    }

    @Nested
    @DisplayName("Bad input")
    class BadInput {

        @Test
        @DisplayName("a zero or negative lease, a limit below one or a blank owner is rejected and claims nothing")
        void badClaims() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            Set<TimerKind> kinds = Set.of(id.kind());

            assertThatThrownBy(() -> store.claimDue(kinds, START, "node-a", Duration.ZERO, 10))
                    .isInstanceOf(TicketingException.class).hasMessageContaining("ease");
            assertThatThrownBy(() -> store.claimDue(kinds, START, "node-a", Duration.ofSeconds(-1), 10))
                    .isInstanceOf(TicketingException.class);
            assertThatThrownBy(() -> store.claimDue(kinds, START, "node-a", lease(), 0))
                    .isInstanceOf(TicketingException.class).hasMessageContaining("imit");
            assertThatThrownBy(() -> store.claimDue(kinds, START, " ", lease(), 10))
                    .isInstanceOf(TicketingException.class).hasMessageContaining("owner");

            assertThat(found(id).state()).isEqualTo(TimerState.PENDING);
            assertThat(found(id).attempts()).isZero();
        }

        @Test
        @DisplayName("a negative back-off is rejected and the claim stays with its owner")
        void negativeBackoff() {
            TimerId id = timer("breach", "ticket-1");
            schedule(id, START);
            ClaimedTimer claim = claimOne(id, "node-a");

            assertThatThrownBy(() -> store.release(claim, Duration.ofSeconds(-1)))
                    .isInstanceOf(TicketingException.class).hasMessageContaining("ack-off");

            assertThat(found(id).owner()).contains("node-a");
            assertThat(store.complete(claim)).isTrue();
        }

        @Test
        @DisplayName("null arguments are rejected with a TicketingException")
        void nulls() {
            assertThatThrownBy(() -> store.schedule(null)).isInstanceOf(TicketingException.class);
            assertThatThrownBy(() -> store.find(null)).isInstanceOf(TicketingException.class);
            assertThatThrownBy(() -> store.complete(null)).isInstanceOf(TicketingException.class);
            assertThatThrownBy(() -> store.cancel(null)).isInstanceOf(TicketingException.class);
            assertThatThrownBy(() -> store.pending(0)).isInstanceOf(TicketingException.class)
                    .hasMessageContaining("imit");
            assertThatThrownBy(() -> store.claimDue(null, START, "node-a", lease(), 1))
                    .isInstanceOf(TicketingException.class);
        }
    }

    @Nested
    @DisplayName("Several nodes")
    class SeveralNodes {

        @Test
        @DisplayName("two claimers released by one latch never get the same timer")
        void latchForcedClaimRace() throws Exception {
            TimerKind kind = kind("race");
            int rounds = 30;
            int perRound = 40;
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < rounds; round++) {
                    for (int i = 0; i < perRound; i++) {
                        schedule(TimerId.of(kind, round + "/" + i), START.minusSeconds(round));
                    }
                    CountDownLatch go = new CountDownLatch(1);
                    Callable<List<ClaimedTimer>> claimer = () -> {
                        String owner = "node-" + Thread.currentThread().getName();
                        go.await();
                        List<ClaimedTimer> all = new ArrayList<>();
                        List<ClaimedTimer> batch;
                        do {
                            batch = store.claimDue(Set.of(kind), START, owner, Duration.ofMinutes(5), 7);
                            all.addAll(batch);
                        } while (!batch.isEmpty());
                        return all;
                    };
                    Future<List<ClaimedTimer>> a = pool.submit(claimer);
                    Future<List<ClaimedTimer>> b = pool.submit(claimer);
                    go.countDown();
                    List<ClaimedTimer> byA = a.get(60, TimeUnit.SECONDS);
                    List<ClaimedTimer> byB = b.get(60, TimeUnit.SECONDS);

                    Set<TimerId> idsA = byA.stream().map(ClaimedTimer::id).collect(Collectors.toSet());
                    Set<TimerId> idsB = byB.stream().map(ClaimedTimer::id).collect(Collectors.toSet());
                    Set<TimerId> both = new HashSet<>(idsA);
                    both.retainAll(idsB);
                    assertThat(both).as("round %d: claimed by both", round).isEmpty();
                    assertThat(byA.size() + byB.size()).as("round %d: claims", round).isEqualTo(perRound);
                    for (ClaimedTimer c : byA) {
                        assertThat(store.complete(c)).isTrue();
                    }
                    for (ClaimedTimer c : byB) {
                        assertThat(store.complete(c)).isTrue();
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(pendingOf(Set.of(kind), rounds * perRound + 10)).isEmpty();
        }

        @Test
        @DisplayName("two timer services ticking at the same moment fire a due timer exactly once")
        void latchForcedServiceRace() throws Exception {
            TimerKind kind = kind("race");
            Map<TimerId, Integer> counts = new ConcurrentHashMap<>();
            TimerService a = service("node-a", kind, counts, 1);
            TimerService b = service("node-b", kind, counts, 1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 100; round++) {
                    TimerId id = TimerId.of(kind, "round-" + round);
                    schedule(id, START);
                    CountDownLatch go = new CountDownLatch(1);
                    Future<List<FiredTimer>> byA = pool.submit(() -> {
                        go.await();
                        return a.tick();
                    });
                    Future<List<FiredTimer>> byB = pool.submit(() -> {
                        go.await();
                        return b.tick();
                    });
                    go.countDown();
                    List<FiredTimer> fired = new ArrayList<>(byA.get(60, TimeUnit.SECONDS));
                    fired.addAll(byB.get(60, TimeUnit.SECONDS));

                    assertThat(fired).as("round %d", round).extracting(FiredTimer::id).containsExactly(id);
                    assertThat(counts.get(id)).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        @DisplayName("two timer services with four poller threads each fire every one of 10 000 timers exactly once")
        void soak() throws Exception {
            TimerKind kind = kind("soak");
            int n = SOAK_TIMERS;
            List<TimerId> ids = IntStream.range(0, n).mapToObj(i -> TimerId.of(kind, "ticket-" + i)).collect(Collectors.toList());
            for (int i = 0; i < n; i++) {
                schedule(ids.get(i), START.minusMillis(i % 997));
            }
            Map<TimerId, Integer> counts = new ConcurrentHashMap<>();
            TimerService a = service("node-a", kind, counts, 4);
            TimerService b = service("node-b", kind, counts, 4);

            a.start();
            b.start();
            awaitUntil(() -> counts.size() >= n && pendingOf(Set.of(kind), n + 1).isEmpty(), Duration.ofMinutes(3),
                    () -> "timers still pending: " + pendingOf(Set.of(kind), n + 1).size());
            a.close();
            b.close();

            assertThat(counts).hasSize(n);
            Map<TimerId, Integer> notOnce = counts.entrySet().stream().filter(e -> e.getValue() != 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(notOnce).as("timers not fired exactly once").isEmpty();
            assertThat(new HashSet<>(ids)).isEqualTo(counts.keySet());
            assertThat(found(ids.get(0)).state()).isEqualTo(TimerState.FIRED);
            assertThat(found(ids.get(n - 1)).state()).isEqualTo(TimerState.FIRED);
        }

        @Test
        @DisplayName("a node that dies mid-fire: another node fires its timer after the lease and the late complete fails")
        void nodeDiesMidFire() {
            TimerKind kind = kind("breach");
            TimerId id = TimerId.of(kind, "ticket-1");
            TimerId other = TimerId.of(kind, "ticket-2");
            schedule(id, START);
            schedule(other, START);
            Map<TimerId, Integer> counts = new ConcurrentHashMap<>();
            TimerService survivor = service("survivor", kind, counts, 1);

            List<ClaimedTimer> dead = store.claimDue(Set.of(kind), START, "dead-node", lease(), 1);
            assertThat(dead).extracting(ClaimedTimer::id).containsExactly(id);

            assertThat(survivor.tick()).as("while the dead node's lease runs").extracting(FiredTimer::id)
                    .containsExactly(other);
            advanceStoreClock(pastLease());
            List<FiredTimer> fired = survivor.tick();

            assertThat(fired).extracting(FiredTimer::id).containsExactly(id);
            assertThat(fired.get(0).attempt()).isEqualTo(2);
            assertThat(fired.get(0).owner()).isEqualTo("survivor");
            assertThat(store.complete(dead.get(0))).as("the dead node's late complete").isFalse();
            assertThat(store.release(dead.get(0), Duration.ZERO)).as("the dead node's late release").isFalse();
            assertThat(counts).containsEntry(id, 1).containsEntry(other, 1).hasSize(2);
            assertThat(found(id).state()).isEqualTo(TimerState.FIRED);
            assertThat(survivor.tick()).isEmpty();
        }
    }

    private static void awaitUntil(Check condition, Duration atMost, Describe describe) throws InterruptedException {
        // A liveness guard against hanging, not a timing assertion: the limit is far beyond normal runs.
        // Counting pauses instead of reading a clock keeps the testkit free of wall-clock calls.
        long pauses = atMost.toMillis() / 10;
        while (!condition.holds()) {
            if (pauses-- <= 0) {
                fail("Gave up after about " + atMost + ": " + describe.describe());
            }
            Thread.sleep(10);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds();
    }

    @FunctionalInterface
    private interface Describe {
        String describe();
    }
}

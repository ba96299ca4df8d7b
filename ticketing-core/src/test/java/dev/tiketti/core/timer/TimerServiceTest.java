package dev.tiketti.core.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.inmemory.InMemoryTimerStore;
import dev.tiketti.core.sla.ClaimedTimer;
import dev.tiketti.core.sla.FiredTimer;
import dev.tiketti.core.sla.ScheduledTimer;
import dev.tiketti.core.sla.TimerId;
import dev.tiketti.core.sla.TimerKind;
import dev.tiketti.core.sla.TimerRequest;
import dev.tiketti.core.sla.TimerState;
import dev.tiketti.core.spi.TimerStore;
import dev.tiketti.core.spi.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("TimerService")
class TimerServiceTest {
    private static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");
    private static final TimerKind BREACH = TimerKind.of("sla.breach");
    private static final TimerKind REMINDER = TimerKind.of("reminder.unassigned");

    private final TestTimerClock clock = new TestTimerClock(T0);
    private final InMemoryTimerStore store = new InMemoryTimerStore(clock);
    private final List<TimerService> services = new ArrayList<>();

    @AfterEach
    void closeAll() {
        services.forEach(TimerService::close);
    }

    private TimerService.Builder builder() {
        return TimerService.builder(store).clock(clock);
    }

    private TimerService track(TimerService service) {
        services.add(service);
        return service;
    }

    private static TimerId id(TimerKind kind, String subject) {
        return TimerId.of(kind, subject);
    }

    private void schedule(TimerId id, Instant due) {
        store.schedule(TimerRequest.of(id, due));
    }

    private ScheduledTimer stored(TimerId id) {
        return store.find(id).orElseThrow();
    }

    @Nested
    @DisplayName("tick()")
    class Tick {

        @Test
        @DisplayName("fires the timers due by the service's clock and leaves later ones pending")
        void firesDue() {
            List<ClaimedTimer> seen = new CopyOnWriteArrayList<>();
            TimerService service = track(builder().owner("node-1").handler(BREACH, seen::add).build());
            schedule(id(BREACH, "t1"), T0.minusSeconds(60));
            schedule(id(BREACH, "t2"), T0);
            schedule(id(BREACH, "t3"), T0.plusSeconds(1));
            clock.advance(Duration.ofMillis(250));

            List<FiredTimer> fired = service.tick();

            assertThat(fired).extracting(f -> f.id().subject()).containsExactly("t1", "t2");
            assertThat(fired.get(0)).isEqualTo(new FiredTimer(id(BREACH, "t1"), T0.minusSeconds(60), "node-1", 1,
                    T0.plusMillis(250)));
            assertThat(seen).extracting(ClaimedTimer::owner).containsOnly("node-1");
            assertThat(stored(id(BREACH, "t1")).state()).isEqualTo(TimerState.FIRED);
            assertThat(stored(id(BREACH, "t3")).state()).isEqualTo(TimerState.PENDING);
            assertThat(service.tick()).isEmpty();

            clock.advance(Duration.ofSeconds(1));
            assertThat(service.tick()).extracting(f -> f.id().subject()).containsExactly("t3");
        }

        @Test
        @DisplayName("hands each timer to the handler of its kind and claims no kind it cannot handle")
        void dispatchByKind() {
            List<String> calls = new CopyOnWriteArrayList<>();
            TimerService service = track(builder()
                    .handler(BREACH, t -> calls.add("breach " + t.subject()))
                    .handler(REMINDER, t -> calls.add("reminder " + t.subject()))
                    .build());
            schedule(id(BREACH, "a"), T0);
            schedule(id(REMINDER, "b"), T0);
            TimerId foreign = id(TimerKind.of("other.kind"), "c");
            schedule(foreign, T0);

            service.tick();

            assertThat(calls).containsExactlyInAnyOrder("breach a", "reminder b");
            assertThat(service.kinds()).containsExactlyInAnyOrder(BREACH, REMINDER);
            assertThat(stored(foreign).state()).isEqualTo(TimerState.PENDING);
            assertThat(stored(foreign).attempts()).isZero();
        }

        @Test
        @DisplayName("claims at most one batch per pass")
        void batchSize() {
            TimerService service = track(builder().batchSize(2).handler(BREACH, t -> { }).build());
            for (int i = 0; i < 5; i++) {
                schedule(id(BREACH, "t" + i), T0.minusSeconds(i));
            }

            assertThat(service.tick()).hasSize(2);
            assertThat(service.tick()).hasSize(2);
            assertThat(service.tick()).hasSize(1);
            assertThat(service.tick()).isEmpty();
        }

        @Test
        @DisplayName("runs the handler and the completion inside one unit of work")
        void handlerAndCompleteInOneTransaction() {
            RecordingTransactions tx = new RecordingTransactions();
            List<Boolean> completedInside = new CopyOnWriteArrayList<>();
            TimerStore watched = new DelegatingTimerStore(store) {
                @Override
                public boolean complete(ClaimedTimer claim) {
                    completedInside.add(tx.inside());
                    return super.complete(claim);
                }
            };
            List<Boolean> handledInside = new CopyOnWriteArrayList<>();
            TimerService service = track(TimerService.builder(watched).clock(clock).transactions(tx)
                    .handler(BREACH, t -> handledInside.add(tx.inside())).build());
            schedule(id(BREACH, "a"), T0);

            assertThat(service.tick()).hasSize(1);

            assertThat(handledInside).containsExactly(true);
            assertThat(completedInside).containsExactly(true);
            assertThat(tx.committed()).isEqualTo(1);
        }

        @Test
        @DisplayName("a claim that went stale before completion rolls the handler's effect back and fires nothing")
        void lostClaimRollsBack() {
            RecordingTransactions tx = new RecordingTransactions();
            TimerId id = id(BREACH, "a");
            TimerService service = track(builder().transactions(tx).handler(BREACH, t -> {
                tx.effect("escalated " + t.subject());
                // Meanwhile the ticket changed and its deadline moved: the claim in hand is stale.
                store.schedule(TimerRequest.of(t.id(), T0.plusSeconds(3600)));
            }).build());
            schedule(id, T0);

            assertThat(service.tick()).isEmpty();

            assertThat(tx.committedEffects()).isEmpty();
            assertThat(tx.rolledBack()).isEqualTo(1);
            ScheduledTimer t = stored(id);
            assertThat(t.state()).isEqualTo(TimerState.PENDING);
            assertThat(t.due()).isEqualTo(T0.plusSeconds(3600));
            assertThat(t.heldUntil()).as("not released with a back-off: not ours any more").isEmpty();
        }
    }

    @Nested
    @DisplayName("handler failures")
    class Failures {

        @Test
        @DisplayName("a failing handler's timer is released, retried after the back-off and fired once")
        void retriedAfterBackoff() {
            AtomicInteger calls = new AtomicInteger();
            List<Integer> attempts = new CopyOnWriteArrayList<>();
            TimerService service = track(builder().retryBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5))
                    .handler(BREACH, t -> {
                        attempts.add(t.attempt());
                        if (calls.incrementAndGet() <= 2) {
                            throw new IllegalStateException("mail server down");
                        }
                    }).build());
            TimerId id = id(BREACH, "a");
            schedule(id, T0);

            assertThat(service.tick()).isEmpty();
            assertThat(stored(id).heldUntil()).contains(T0.plusSeconds(10));
            assertThat(stored(id).state()).isEqualTo(TimerState.PENDING);
            assertThat(service.tick()).as("within the back-off").isEmpty();

            clock.advance(Duration.ofSeconds(10));
            assertThat(service.tick()).isEmpty();
            assertThat(stored(id).heldUntil()).as("the back-off doubles").contains(T0.plusSeconds(30));

            clock.advance(Duration.ofSeconds(19));
            assertThat(service.tick()).isEmpty();
            clock.advance(Duration.ofSeconds(1));
            List<FiredTimer> fired = service.tick();

            assertThat(fired).singleElement().extracting(FiredTimer::attempt).isEqualTo(3);
            assertThat(attempts).containsExactly(1, 2, 3);
            assertThat(stored(id).state()).isEqualTo(TimerState.FIRED);
        }

        @Test
        @DisplayName("one failing timer does not keep the others of its pass from firing")
        void failureIsolated() {
            TimerService service = track(builder().handler(BREACH, t -> {
                if (t.subject().equals("bad")) {
                    throw new IllegalStateException("boom");
                }
            }).build());
            schedule(id(BREACH, "bad"), T0.minusSeconds(2));
            schedule(id(BREACH, "good"), T0.minusSeconds(1));

            assertThat(service.tick()).extracting(f -> f.id().subject()).containsExactly("good");
            assertThat(stored(id(BREACH, "bad")).state()).isEqualTo(TimerState.PENDING);
        }

        @Test
        @DisplayName("a handler failing with an assertion or linkage error is released and retried like any failure")
        void errorsOfHandlersRetried() {
            AtomicInteger calls = new AtomicInteger();
            TimerService service = track(builder().retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1))
                    .handler(BREACH, t -> {
                        if (calls.incrementAndGet() == 1) {
                            throw new AssertionError("handler bug");
                        }
                    }).build());
            TimerId id = id(BREACH, "a");
            schedule(id, T0);

            assertThat(service.tick()).isEmpty();
            assertThat(stored(id).state()).isEqualTo(TimerState.PENDING);
            clock.advance(Duration.ofSeconds(1));
            assertThat(service.tick()).extracting(FiredTimer::attempt).containsExactly(2);
        }

        @Test
        @DisplayName("the back-off doubles per attempt up to its maximum")
        void backoffGrowth() {
            TimerService service = track(builder().retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60))
                    .handler(BREACH, t -> { }).build());

            assertThat(service.backoff(1)).isEqualTo(Duration.ofSeconds(1));
            assertThat(service.backoff(2)).isEqualTo(Duration.ofSeconds(2));
            assertThat(service.backoff(6)).isEqualTo(Duration.ofSeconds(32));
            assertThat(service.backoff(7)).isEqualTo(Duration.ofSeconds(60));
            assertThat(service.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(60));
        }

        @Test
        @DisplayName("a store failing during a poll is logged and the poller keeps going")
        void pollerSurvivesStoreFailure() throws Exception {
            AtomicBoolean failedOnce = new AtomicBoolean();
            TimerStore flaky = new DelegatingTimerStore(store) {
                @Override
                public List<ClaimedTimer> claimDue(Collection<TimerKind> kinds, Instant dueAtOrBefore, String owner,
                                                   Duration lease, int limit) {
                    if (failedOnce.compareAndSet(false, true)) {
                        throw new StorageUnavailableException("database restarting", new IllegalStateException("test"));
                    }
                    return super.claimDue(kinds, dueAtOrBefore, owner, lease, limit);
                }
            };
            CountDownLatch fired = new CountDownLatch(1);
            TimerService service = track(TimerService.builder(flaky).clock(clock).pollInterval(Duration.ofMillis(1))
                    .handler(BREACH, t -> fired.countDown()).build());
            schedule(id(BREACH, "a"), T0);

            service.start();

            assertThat(fired.await(30, TimeUnit.SECONDS)).as("fired after the store came back").isTrue();
            assertThat(failedOnce).isTrue();
        }
    }

    @Nested
    @DisplayName("owner ids")
    class Owners {

        @Test
        @DisplayName("without a configured owner each service gets its own random id")
        void randomByDefault() {
            TimerService a = track(builder().handler(BREACH, t -> { }).build());
            TimerService b = track(TimerService.builder(store).handler(BREACH, t -> { }).build());

            assertThat(a.owner()).startsWith("timers-").isNotEqualTo(b.owner());
        }

        @Test
        @DisplayName("the configured owner holds the claim while the handler runs and is named on the fired timer")
        void configuredOwner() {
            AtomicReference<Optional<String>> holder = new AtomicReference<>();
            TimerService service = track(builder().owner("helpdesk-node-2")
                    .handler(BREACH, t -> holder.set(stored(t.id()).owner())).build());
            schedule(id(BREACH, "a"), T0);

            List<FiredTimer> fired = service.tick();

            assertThat(holder.get()).contains("helpdesk-node-2");
            assertThat(fired).singleElement().extracting(FiredTimer::owner).isEqualTo("helpdesk-node-2");
        }
    }

    @Nested
    @DisplayName("poller")
    class Poller {

        @Test
        @DisplayName("start() fires due timers in the background and close() stops it")
        void startAndClose() throws Exception {
            Map<TimerId, Integer> counts = new ConcurrentHashMap<>();
            CountDownLatch all = new CountDownLatch(300);
            TimerService service = track(builder().pollInterval(Duration.ofMillis(1)).pollerThreads(3).batchSize(7)
                    .handler(BREACH, t -> {
                        counts.merge(t.id(), 1, Integer::sum);
                        all.countDown();
                    }).build());
            for (int i = 0; i < 300; i++) {
                schedule(id(BREACH, "t" + i), T0.minusMillis(i));
            }

            service.start();
            assertThat(service.isPolling()).isTrue();
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
            service.close();

            assertThat(service.isPolling()).isFalse();
            assertThat(counts).hasSize(300).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            assertThat(store.pending(1000)).isEmpty();
        }

        @Test
        @DisplayName("close() lets the timer in flight finish and gives the rest of its batch back at once")
        void closeReleasesUnfinishedClaims() throws Exception {
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch proceed = new CountDownLatch(1);
            List<String> firedSubjects = new CopyOnWriteArrayList<>();
            TimerService service = track(builder().batchSize(3).handler(BREACH, t -> {
                entered.countDown();
                await(proceed);
                firedSubjects.add(t.subject());
            }).build());
            schedule(id(BREACH, "first"), T0.minusSeconds(3));
            schedule(id(BREACH, "second"), T0.minusSeconds(2));
            schedule(id(BREACH, "third"), T0.minusSeconds(1));
            ScheduledExecutorService host = Executors.newSingleThreadScheduledExecutor();
            try {
                service.start(host);
                assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
                Thread closer = new Thread(service::close);
                closer.start();
                while (service.isPolling()) {
                    Thread.onSpinWait();
                }
                proceed.countDown();
                closer.join(TimeUnit.SECONDS.toMillis(30));
                assertThat(closer.isAlive()).isFalse();

                assertThat(firedSubjects).containsExactly("first");
                assertThat(stored(id(BREACH, "first")).state()).isEqualTo(TimerState.FIRED);
                for (String subject : List.of("second", "third")) {
                    ScheduledTimer t = stored(id(BREACH, subject));
                    assertThat(t.state()).as(subject).isEqualTo(TimerState.PENDING);
                    assertThat(t.heldUntil()).as(subject).isEmpty();
                }
                assertThat(host.isShutdown()).as("the host's executor is the host's").isFalse();
                TimerService other = track(builder().handler(BREACH, t -> { }).build());
                assertThat(other.tick()).extracting(f -> f.id().subject()).containsExactly("second", "third");
            } finally {
                proceed.countDown();
                host.shutdownNow();
            }
        }

        @Test
        @DisplayName("close() called by a handler does not wait for its own pass and gives the rest of the batch back")
        @Timeout(value = 60, unit = TimeUnit.SECONDS)
        void closeFromHandler() {
            AtomicReference<TimerService> self = new AtomicReference<>();
            List<String> firedSubjects = new CopyOnWriteArrayList<>();
            TimerService service = track(builder().batchSize(3).lease(Duration.ofMinutes(20))
                    .shutdownTimeout(Duration.ofMinutes(10)).handler(BREACH, t -> {
                        firedSubjects.add(t.subject());
                        self.get().close();
                    }).build());
            self.set(service);
            schedule(id(BREACH, "first"), T0.minusSeconds(3));
            schedule(id(BREACH, "second"), T0.minusSeconds(2));
            schedule(id(BREACH, "third"), T0.minusSeconds(1));

            List<FiredTimer> fired = service.tick();

            assertThat(fired).extracting(f -> f.id().subject()).containsExactly("first");
            assertThat(firedSubjects).containsExactly("first");
            assertThat(store.pending(10)).extracting(t -> t.id().subject()).containsExactly("second", "third");
            assertThat(store.pending(10)).allSatisfy(t -> assertThat(t.heldUntil()).isEmpty());
        }

        @Test
        @DisplayName("starting twice, or starting or ticking after close, is a lifecycle error; close is idempotent")
        void lifecycle() {
            TimerService service = track(builder().handler(BREACH, t -> { }).build());
            service.start();

            assertThatThrownBy(service::start).isInstanceOf(TicketingException.class)
                    .hasMessageContaining("already polling")
                    .extracting(e -> ((TicketingException) e).code()).isEqualTo(ErrorCode.TIMER_SERVICE_LIFECYCLE);
            service.close();
            service.close();
            assertThatThrownBy(service::tick).isInstanceOf(TicketingException.class).hasMessageContaining("closed")
                    .extracting(e -> ((TicketingException) e).code()).isEqualTo(ErrorCode.TIMER_SERVICE_LIFECYCLE);
            assertThatThrownBy(service::start).isInstanceOf(TicketingException.class).hasMessageContaining("closed");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                fail("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Unit of work that keeps effects on a thread-local list and publishes them only on success. */
    static final class RecordingTransactions implements Transactions {
        private final ThreadLocal<List<String>> open = new ThreadLocal<>();
        private final List<String> committedEffects = new CopyOnWriteArrayList<>();
        private final AtomicInteger committed = new AtomicInteger();
        private final AtomicInteger rolledBack = new AtomicInteger();

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            open.set(new ArrayList<>());
            try {
                T result = work.get();
                committedEffects.addAll(open.get());
                committed.incrementAndGet();
                return result;
            } catch (RuntimeException e) {
                rolledBack.incrementAndGet();
                throw e;
            } finally {
                open.remove();
            }
        }

        boolean inside() {
            return open.get() != null;
        }

        void effect(String effect) {
            open.get().add(effect);
        }

        List<String> committedEffects() {
            return committedEffects;
        }

        int committed() {
            return committed.get();
        }

        int rolledBack() {
            return rolledBack.get();
        }
    }

    /** A settable clock for these tests. */
    static final class TestTimerClock extends Clock {
        private final AtomicReference<Instant> now;

        TestTimerClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}

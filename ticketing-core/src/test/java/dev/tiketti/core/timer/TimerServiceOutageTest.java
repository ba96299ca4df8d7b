package dev.tiketti.core.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.inmemory.InMemoryTimerStore;
import dev.tiketti.core.sla.ClaimedTimer;
import dev.tiketti.core.sla.TimerId;
import dev.tiketti.core.sla.TimerKind;
import dev.tiketti.core.sla.TimerRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * While its store is unavailable the timer poller backs off instead of failing (and logging) on
 * every pass — the waits between its attempts grow — and it fires what is due once the store is back (issue #20 item 1).
 */
class TimerServiceOutageTest {
    private static final TimerKind KIND = TimerKind.of("sla.breach");

    @Test
    void thePollerBacksOffDuringAnOutageAndFiresWhatIsDueWhenTheStoreIsBack() throws Exception {
        TimerServiceTest.TestTimerClock clock = new TimerServiceTest.TestTimerClock(Instant.parse("2026-03-02T07:00:00Z"));
        AtomicBoolean down = new AtomicBoolean(true);
        List<Long> claimsWhileDown = new CopyOnWriteArrayList<>();
        InMemoryTimerStore memory = new InMemoryTimerStore(clock);
        TimerStoreDuringOutage store = new TimerStoreDuringOutage(memory, down, claimsWhileDown);
        AtomicInteger fired = new AtomicInteger();
        TimerService service = TimerService.builder(store).clock(clock).owner("outage-test")
                .pollInterval(Duration.ofMillis(2)).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(64))
                .handler(KIND, timer -> fired.incrementAndGet()).build();
        try {
            service.start();
            await().until(() -> claimsWhileDown.size() >= 6);
            // after the 5th failure in a row the poller waits 2 ms x 2^4; without back-off it would poll again in 2 ms
            assertThat(Duration.ofNanos(claimsWhileDown.get(5) - claimsWhileDown.get(4)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(32));
            assertThat(service.failedPollsInARow()).isGreaterThanOrEqualTo(6);
            assertThat(service.isPolling()).isTrue();

            memory.schedule(TimerRequest.of(TimerId.of(KIND, "HR-1"), clock.instant()));
            down.set(false);
            await().until(() -> fired.get() == 1);
            assertThat(service.failedPollsInARow()).isZero();
        } finally {
            service.close();
        }
    }

    /** Fails every claim with the retryable storage error while {@code down} is set. */
    private static final class TimerStoreDuringOutage extends DelegatingTimerStore {
        private final AtomicBoolean down;
        private final List<Long> claimsWhileDown;

        TimerStoreDuringOutage(InMemoryTimerStore delegate, AtomicBoolean down, List<Long> claimsWhileDown) {
            super(delegate);
            this.down = down;
            this.claimsWhileDown = claimsWhileDown;
        }

        @Override
        public List<ClaimedTimer> claimDue(Collection<TimerKind> kinds, Instant dueAtOrBefore, String owner,
                                           Duration lease, int limit) {
            if (down.get()) {
                claimsWhileDown.add(System.nanoTime());
                throw new StorageUnavailableException("[test] the database is down");
            }
            return super.claimDue(kinds, dueAtOrBefore, owner, lease, limit);
        }
    }
}

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * While its store is unavailable the timer poller backs off instead of failing (and logging) on
 * every pass, and it fires what is due once the store is back (issue #20 item 1).
 */
class TimerServiceOutageTest {
    private static final TimerKind KIND = TimerKind.of("sla.breach");

    @Test
    void thePollerBacksOffDuringAnOutageAndFiresWhatIsDueWhenTheStoreIsBack() throws Exception {
        TimerServiceTest.TestTimerClock clock = new TimerServiceTest.TestTimerClock(Instant.parse("2026-03-02T07:00:00Z"));
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicInteger claimsWhileDown = new AtomicInteger();
        InMemoryTimerStore memory = new InMemoryTimerStore(clock);
        TimerStoreDuringOutage store = new TimerStoreDuringOutage(memory, down, claimsWhileDown);
        AtomicInteger fired = new AtomicInteger();
        TimerService service = TimerService.builder(store).clock(clock).owner("outage-test")
                .pollInterval(Duration.ofMillis(2)).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(64))
                .handler(KIND, timer -> fired.incrementAndGet()).build();
        try {
            service.start();
            await().until(() -> service.failedPollsInARow() >= 3);
            Thread.sleep(400);
            // without back-off a 2 ms poller makes ~200 attempts in 400 ms; backing off to 64 ms, ~10
            assertThat(claimsWhileDown.get()).isLessThan(40);
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
        private final AtomicInteger claimsWhileDown;

        TimerStoreDuringOutage(InMemoryTimerStore delegate, AtomicBoolean down, AtomicInteger claimsWhileDown) {
            super(delegate);
            this.down = down;
            this.claimsWhileDown = claimsWhileDown;
        }

        @Override
        public List<ClaimedTimer> claimDue(Collection<TimerKind> kinds, Instant dueAtOrBefore, String owner,
                                           Duration lease, int limit) {
            if (down.get()) {
                claimsWhileDown.incrementAndGet();
                throw new StorageUnavailableException("[test] the database is down");
            }
            return super.claimDue(kinds, dueAtOrBefore, owner, lease, limit);
        }
    }
}

package dev.tiketti.core.timer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.StorageUnavailableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A failing poller backs off exponentially up to its limit and reports an outage once each way. */
class PollerBackoffTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final PollerBackoff backoff = new PollerBackoff("test poller", Duration.ofMillis(10),
            Duration.ofMillis(50), LoggerFactory.getLogger(PollerBackoffTest.class), nanos::get);
    private final RuntimeException down = new StorageUnavailableException("the database is down");

    @Test
    void passesRunWhileTheySucceedAndTheOutageIsReportedOnceEachWay() {
        assertThat(backoff.due()).isTrue();
        assertThat(backoff.succeeded()).as("no outage to end").isEmpty();

        assertThat(backoff.failed(down)).as("the first failure starts an outage").isTrue();
        assertThat(backoff.failures()).isEqualTo(1);
        assertThat(backoff.due()).isFalse();
        advance(9);
        assertThat(backoff.due()).isFalse();
        advance(1);
        assertThat(backoff.due()).isTrue();
        assertThat(backoff.failed(down)).as("later failures are not a new outage").isFalse();

        advance(15);
        assertThat(backoff.succeeded()).contains(Duration.ofMillis(25));
        assertThat(backoff.failures()).isZero();
        assertThat(backoff.due()).isTrue();
        assertThat(backoff.succeeded()).as("reported once").isEmpty();
        assertThat(backoff.failed(down)).as("a new outage after recovery").isTrue();
    }

    @Test
    void eachFailureDoublesTheWaitUpToTheLimit() {
        long[] waited = new long[7];
        for (int i = 0; i < waited.length; i++) {
            backoff.failed(down);
            long start = nanos.get();
            while (!backoff.due()) {
                advance(1);
            }
            waited[i] = (nanos.get() - start) / 1_000_000L;
        }
        assertThat(waited).containsExactly(10, 20, 40, 50, 50, 50, 50);
        assertThat(backoff.delay(1_000)).isEqualTo(Duration.ofMillis(50));
    }

    private void advance(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }
}

package dev.tiketti.core.timer;

import dev.tiketti.core.common.Require;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * The back-off of a poller whose passes fail, e.g. while its storage is unavailable: after a failed
 * pass the next one waits, twice as long after each further failure up to a limit, and the outage
 * is logged twice — once when it starts (with its cause) and once when a pass succeeds again —
 * instead of on every pass. Shared by Tiketti's pollers (timers, the outbox deliverer, mailboxes).
 * Thread-safe: several poller threads may share one.
 *
 * @since 0.1
 */
public final class PollerBackoff {
    private final String poller;
    private final Duration first;
    private final Duration max;
    private final Logger log;
    private final LongSupplier nanoTime;
    private int failures;
    private long notBefore;
    private long downSince;

    /**
     * Backs off from {@code first} to at most {@code max} (or {@code first}, if that is longer); logs
     * to {@code log} naming {@code poller}.
     */
    public PollerBackoff(String poller, Duration first, Duration max, Logger log) {
        this(poller, first, max, log, System::nanoTime);
    }

    PollerBackoff(String poller, Duration first, Duration max, Logger log, LongSupplier nanoTime) {
        this.poller = Require.notBlank(poller, "poller");
        this.first = Require.nonNull(first, "first back-off");
        this.max = Require.nonNull(max, "max back-off").compareTo(first) < 0 ? first : max;
        this.log = Require.nonNull(log, "log");
        this.nanoTime = nanoTime;
    }

    /** Whether a pass may run now: always while passes succeed, after the back-off once they fail. */
    public synchronized boolean due() {
        return failures == 0 || nanoTime.getAsLong() - notBefore >= 0;
    }

    /**
     * Records a failed pass and how long to wait; the first failure of an outage is logged at WARN
     * with its cause, later ones at DEBUG only.
     *
     * @return whether this failure started an outage (and was logged)
     */
    public synchronized boolean failed(RuntimeException cause) {
        long now = nanoTime.getAsLong();
        failures++;
        Duration wait = delay(failures);
        notBefore = now + wait.toNanos();
        if (failures == 1) {
            downSince = now;
            log.warn("{} failed and backs off (next try in {}, at most every {} while it keeps failing)", poller,
                    wait, max, cause);
            return true;
        }
        log.debug("{} failed again ({} in a row); next try in {}: {}", poller, failures, wait, cause.toString());
        return false;
    }

    /**
     * Records a pass that succeeded; after an outage, logs once that the poller works again.
     *
     * @return how long the outage lasted, if this pass ended one
     */
    public synchronized Optional<Duration> succeeded() {
        if (failures == 0) {
            return Optional.empty();
        }
        Duration down = Duration.ofNanos(nanoTime.getAsLong() - downSince);
        log.info("{} works again after {} failed pass(es) over {}", poller, failures, down);
        failures = 0;
        return Optional.of(down);
    }

    /** Failed passes in a row (0 while passes succeed): a health figure. */
    public synchronized int failures() {
        return failures;
    }

    Duration delay(int failuresInARow) {
        return exponential(first, max, failuresInARow);
    }

    /**
     * The wait after the {@code failures}-th failure in a row (1 for the first): {@code first}
     * doubled after each further one, capped at {@code max}; {@code first} for 0 or less. The one
     * back-off rule of Tiketti's retries (timers, outbox deliveries, pollers).
     */
    public static Duration exponential(Duration first, Duration max, int failures) {
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) < 0 ? wait : max;
    }
}

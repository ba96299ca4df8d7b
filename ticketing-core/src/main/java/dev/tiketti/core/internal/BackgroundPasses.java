package dev.tiketti.core.internal;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.timer.PollerBackoff;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * The daemon threads of one area that repeat a pass every interval (the outbox deliverer, the
 * change-log follower), each backing off while its passes fail — one WARN when an outage starts and
 * one INFO when it ends, no storm between — and all stopped by {@link #close()}. Not API.
 */
final class BackgroundPasses {
    /** The longest pause of a thread whose passes keep failing. */
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    private final List<ScheduledExecutorService> started = new CopyOnWriteArrayList<>();

    /** Runs {@code pass} every {@code interval} on a daemon thread; close the result to stop it. */
    AutoCloseable start(String threadName, String what, Duration interval, Logger log, Runnable pass) {
        Require.nonNull(interval, "interval");
        Require.argument(!interval.isNegative() && !interval.isZero(),
                () -> ConfigProblems.deliveryIntervalNotPositive(interval));
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        started.add(executor);
        PollerBackoff outage = new PollerBackoff(what, interval, MAX_BACKOFF, log);
        executor.scheduleWithFixedDelay(() -> {
            if (!outage.due()) {
                return;
            }
            try {
                pass.run();
                outage.succeeded();
            } catch (RuntimeException e) {
                outage.failed(e);
            }
        }, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        return () -> {
            executor.shutdownNow();
            started.remove(executor);
        };
    }

    /** Stops every thread started here. */
    void close() {
        started.forEach(ScheduledExecutorService::shutdownNow);
        started.clear();
    }
}

package dev.tiketti.core.internal;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.event.DeadDelivery;
import dev.tiketti.core.event.Events;
import dev.tiketti.core.timer.PollerBackoff;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Events} area: delivers what the outbox holds in bounded passes, and runs the
 * background deliverers a host starts (stopped by their handle or by {@link #close()}). Not API.
 */
public final class PendingEvents implements Events {
    private static final Logger LOG = LoggerFactory.getLogger(PendingEvents.class);
    private static final int BATCH = 100;

    private final Dispatcher dispatcher;
    private final String threadName;
    private final List<ScheduledExecutorService> started = new CopyOnWriteArrayList<>();

    /** {@code node} names the deliverer threads ({@code tiketti-outbox-<node>}), for thread dumps. */
    public PendingEvents(Dispatcher dispatcher, String node) {
        this.dispatcher = dispatcher;
        this.threadName = "tiketti-outbox-" + node;
    }

    @Override
    public int deliverPending() {
        int total = 0;
        // What failed stays leased or backs off, so passes run out; the bound also holds when a pass outlasts them.
        long passes = dispatcher.pending() / BATCH + 1;
        Dispatcher.Pass pass;
        do {
            pass = dispatcher.deliverPending(BATCH);
            total += pass.delivered();
        } while (pass.claimed() > 0 && --passes > 0);
        if (total > 0) {
            LOG.info("Delivered {} pending event(s) and message(s) from the outbox", total);
        }
        return total;
    }

    @Override
    public long pending() {
        return dispatcher.pending();
    }

    @Override
    public long deadCount() {
        return dispatcher.deadCount();
    }

    @Override
    public List<DeadDelivery> dead() {
        return dispatcher.dead(Integer.MAX_VALUE);
    }

    @Override
    public List<DeadDelivery> dead(int limit) {
        return dispatcher.dead(limit);
    }

    @Override
    public boolean retry(String id) {
        Require.notBlank(id, "id");
        return dispatcher.retryDead(List.of(id)) > 0;
    }

    @Override
    public int retryAllDead() {
        int total = 0;
        // Put-back entries have no dead delivery left; the bound holds if deliverers park some again meanwhile.
        long passes = dispatcher.deadCount() / BATCH + 1;
        List<String> ids;
        while (passes-- > 0 && !(ids = dispatcher.deadIds(BATCH)).isEmpty()) {
            total += dispatcher.retryDead(ids);
        }
        return total;
    }

    @Override
    public boolean discard(String id) {
        Require.notBlank(id, "id");
        return dispatcher.discardDead(List.of(id)) > 0;
    }

    /** The longest pause of a deliverer whose passes keep failing. */
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    @Override
    public AutoCloseable startDelivering(Duration interval) {
        Require.nonNull(interval, "interval");
        Require.argument(!interval.isNegative() && !interval.isZero(),
                () -> ConfigProblems.deliveryIntervalNotPositive(interval));
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        started.add(executor);
        // e.g. the database is down: one WARN when it goes, one INFO when it is back, no storm between
        PollerBackoff outage = new PollerBackoff("Delivering pending events (" + threadName + ")", interval,
                MAX_BACKOFF, LOG);
        executor.scheduleWithFixedDelay(() -> {
            if (!outage.due()) {
                return;
            }
            try {
                deliverPending();
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

    /** Stops every deliverer started here. */
    public void close() {
        started.forEach(ScheduledExecutorService::shutdownNow);
        started.clear();
    }
}

package dev.tiketti.core.internal;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.event.DeadDelivery;
import dev.tiketti.core.event.Events;
import java.time.Duration;
import java.util.List;
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
    private final BackgroundPasses passes = new BackgroundPasses();

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

    @Override
    public AutoCloseable startDelivering(Duration interval) {
        return passes.start(threadName, "Delivering pending events (" + threadName + ")", interval, LOG,
                this::deliverPending);
    }

    /** Stops every deliverer started here. */
    public void close() {
        passes.close();
    }
}

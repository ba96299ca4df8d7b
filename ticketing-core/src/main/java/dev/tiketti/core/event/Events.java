package dev.tiketti.core.event;

import java.time.Duration;

/**
 * Delivery of events and outbound messages left in the transactional outbox, from
 * {@code Ticketing.events()}: what a stopped node, a failed listener or a failed transport left
 * behind is delivered again, at least once, on any node. Without an outbox store there is never
 * anything pending. Thread-safe.
 *
 * @since 0.1
 */
public interface Events {

    /**
     * Delivers the entries whose lease has expired, in batches until none is left; returns how many
     * were delivered. Call it at start-up and periodically (any node may; each entry goes to one of
     * them at a time).
     */
    int deliverPending();

    /**
     * How many events and messages wait in the outbox; 0 without one. For health checks: a number
     * that keeps growing means a listener or the transport keeps failing.
     */
    long pending();

    /**
     * Starts a daemon thread that calls {@link #deliverPending()} every {@code interval} (a few
     * seconds is typical); close the returned handle, or the {@code Ticketing}, to stop it. Failures
     * are logged and the next round tries again.
     */
    AutoCloseable startDelivering(Duration interval);
}

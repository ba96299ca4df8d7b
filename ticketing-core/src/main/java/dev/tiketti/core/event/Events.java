package dev.tiketti.core.event;

import java.time.Duration;
import java.util.List;

/**
 * Delivery of events and outbound messages left in the transactional outbox, from
 * {@code Ticketing.events()}: what a stopped node, a failed listener or a failed transport left
 * behind is delivered again, at least once, on any node. Delivery is tracked per listener (and for
 * the transport): a listener that took an event does not get it again because another one failed;
 * the failing one is retried alone, with a growing back-off, and given up after the configured
 * number of attempts — its delivery is then <em>dead</em>, listed by {@link #dead()} until
 * {@link #retry(String) retried} or {@link #discard(String) discarded}. Without an outbox store there
 * is never anything pending or dead. Thread-safe.
 *
 * @since 0.1
 */
public interface Events {

    /**
     * Delivers the entries whose lease or back-off has expired, in batches until none is left;
     * returns how many were delivered to every recipient they still owed. Call it at start-up and
     * periodically (any node may; each entry goes to one of them at a time).
     */
    int deliverPending();

    /**
     * How many events and messages wait in the outbox to be delivered, dead ones not counted; 0
     * without an outbox. For health checks: a number that keeps growing means a listener or the
     * transport keeps failing.
     */
    long pending();

    /**
     * How many deliveries were given up (one per event and listener, or message and transport); 0
     * without an outbox. For health checks: above 0, a listener or the transport missed something
     * that {@link #dead()} lists.
     */
    long deadCount();

    /** Every dead delivery, oldest event first; see {@link #dead(int)} when there may be many. */
    List<DeadDelivery> dead();

    /**
     * The dead deliveries of the oldest {@code limit} events and messages that have one, oldest
     * first ({@code limit} at least 1, else {@code INVALID_OPTION_VALUE}).
     */
    List<DeadDelivery> dead(int limit);

    /**
     * Puts the dead deliveries of event or message {@code id} ({@link DeadDelivery#id()}) back: the
     * next {@link #deliverPending()} (or the background deliverer's next round) tries them again,
     * with every attempt and the back-off starting over. Returns false when it has no dead delivery
     * (unknown id, delivered, discarded).
     */
    boolean retry(String id);

    /** {@link #retry(String)} for every dead delivery; returns how many events and messages were put back. */
    int retryAllDead();

    /**
     * Gives up the dead deliveries of event or message {@code id} for good: they are never tried
     * again, and the entry leaves the outbox once it owes nothing else. Returns false when it has no
     * dead delivery.
     */
    boolean discard(String id);

    /**
     * Starts a daemon thread that calls {@link #deliverPending()} every {@code interval} (a few
     * seconds is typical); close the returned handle, or the {@code Ticketing}, to stop it. Failures
     * are logged and the next round tries again.
     */
    AutoCloseable startDelivering(Duration interval);
}

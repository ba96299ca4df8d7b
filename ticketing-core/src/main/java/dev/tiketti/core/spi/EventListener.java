package dev.tiketti.core.spi;

import dev.tiketti.core.event.EventDelivery;
import dev.tiketti.core.event.PrivacyEvent;
import dev.tiketti.core.event.TicketEvent;

/**
 * Host code that reacts to domain events, called after the change has committed, in order,
 * on the thread that delivers them. A listener that throws does not undo the change; the
 * failure is logged and the remaining listeners still run.
 *
 * <p>With an {@link OutboxStore} configured, delivery is at least once: an event whose delivery
 * did not finish (the node stopped, a listener threw) is delivered again later, possibly on another
 * node, with the same {@link EventDelivery#id()}. Listeners with effects outside Tiketti override
 * the two-argument methods and de-duplicate by that id. Delivery is tracked per listener, by its
 * {@link #name()}: a listener that took an event does not get it again because another one threw
 * (unless its node stopped before that was recorded), and a listener that throws is retried alone.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface EventListener {

    void on(TicketEvent event);

    /**
     * This listener's name, stable across restarts and equal on every node: the outbox records by it
     * which listeners took an event, and dead deliveries name it. Defaults to the class name (for a
     * lambda, the class that declares it: {@code com.example.Wiring$$Lambda}). With an outbox store,
     * names must be unique among a {@code Ticketing}'s listeners ({@code build()} says which clash);
     * override this, or register with {@code Ticketing.builder().listener(name, listener)}, to give
     * one that survives renaming the class. At most 200 characters.
     *
     * <p>Renaming a listener is safe: an event still in the outbox goes to the listener under its new
     * name (once more, if it had already taken it), and nothing waits for the old name.
     */
    default String name() {
        String name = getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda < 0 ? name : name.substring(0, lambda + "$$Lambda".length());
    }

    /** Like {@link #on(TicketEvent)}, with the delivery's deduplication id and attempt. */
    default void on(TicketEvent event, EventDelivery delivery) {
        on(event);
    }

    /**
     * A data-protection event ({@code ContactErased}, {@code RetentionSweepCompleted}): purge copies of
     * erased data. Ignored unless overridden, so existing listeners keep compiling.
     */
    default void onPrivacy(PrivacyEvent event) {
    }

    /** Like {@link #onPrivacy(PrivacyEvent)}, with the delivery's deduplication id and attempt. */
    default void onPrivacy(PrivacyEvent event, EventDelivery delivery) {
        onPrivacy(event);
    }
}

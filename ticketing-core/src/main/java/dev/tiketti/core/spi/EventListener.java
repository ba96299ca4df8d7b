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
 * the two-argument methods and de-duplicate by that id.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface EventListener {

    void on(TicketEvent event);

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

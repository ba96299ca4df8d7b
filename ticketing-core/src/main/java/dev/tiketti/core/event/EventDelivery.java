package dev.tiketti.core.event;

import dev.tiketti.core.common.Require;

/**
 * How an event or message reaches a listener or transport: the deduplication id, equal on every
 * re-delivery of the same event, and which attempt this is. Without an outbox every event is
 * delivered once, on the node that made the change, with a fresh id.
 *
 * @param id      stable deduplication id of this event (a UUID)
 * @param attempt 1 for the first delivery; greater after a crash or a failed listener
 * @since 0.1
 */
public record EventDelivery(String id, int attempt) {
    public EventDelivery {
        Require.notBlank(id, "delivery id");
        Require.argument(attempt >= 1, () -> EventMessages.attemptBelowOne(id, attempt));
    }

    /** Whether this may be a repeat of a delivery that already reached listeners. */
    public boolean isRedelivery() {
        return attempt > 1;
    }
}

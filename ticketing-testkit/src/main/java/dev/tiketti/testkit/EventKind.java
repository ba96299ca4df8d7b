package dev.tiketti.testkit;

import dev.tiketti.core.event.TicketEvent;
import java.util.Objects;

/**
 * The kind of a recorded {@link TicketEvent}, for compact assertions such as
 * {@code thenEvents().containsExactly(TRANSITIONED)}.
 *
 * @since 0.1
 */
public enum EventKind {
    /** {@link TicketEvent.TicketOpened}. */
    OPENED,
    /** {@link TicketEvent.TicketTransitioned}. */
    TRANSITIONED,
    /** {@link TicketEvent.TicketUpdated}. */
    UPDATED,
    /** {@link TicketEvent.EntryAdded}. */
    ENTRY_ADDED,
    /** {@link TicketEvent.WorkflowUpgraded}. */
    WORKFLOW_UPGRADED,
    /** An event this version of the test kit has no name for yet (a newer core); see the raw events. */
    OTHER;

    /** The kind of {@code event}. */
    public static EventKind of(TicketEvent event) {
        Objects.requireNonNull(event, "event");
        if (event instanceof TicketEvent.TicketOpened) {
            return OPENED;
        } else if (event instanceof TicketEvent.TicketTransitioned) {
            return TRANSITIONED;
        } else if (event instanceof TicketEvent.TicketUpdated) {
            return UPDATED;
        } else if (event instanceof TicketEvent.EntryAdded) {
            return ENTRY_ADDED;
        } else if (event instanceof TicketEvent.WorkflowUpgraded) {
            return WORKFLOW_UPGRADED;
        }
        return OTHER;
    }
}

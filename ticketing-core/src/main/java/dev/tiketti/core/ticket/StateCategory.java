package dev.tiketti.core.ticket;

/**
 * The meaning of a workflow state that Tiketti itself relies on: queues, reports and SLA clocks
 * look at a state's category, never at its team-chosen name.
 *
 * @since 0.1
 */
public enum StateCategory {
    /** Received, nobody has started on it. */
    NEW,
    /** Being handled by the team. */
    OPEN,
    /** Waiting for the requester or a third party; SLA clocks pause. */
    WAITING,
    /** A resolution was given; the requester may still react. */
    RESOLVED,
    /** Done. Terminal unless the workflow offers a way to reopen. */
    CLOSED
}

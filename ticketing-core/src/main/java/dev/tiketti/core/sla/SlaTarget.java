package dev.tiketti.core.sla;

/**
 * What an SLA promises: a first reply, a reply to each customer message, a resolution.
 *
 * @since 0.1
 */
public enum SlaTarget {
    /** The first public reply to the customer. */
    FIRST_RESPONSE,
    /** A public reply after each customer message (restarts at every customer message). */
    NEXT_RESPONSE,
    /** The ticket reaching a resolved or closed state. */
    RESOLUTION
}

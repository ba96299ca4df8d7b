package dev.tiketti.core.common;

/**
 * Urgency of a ticket, lowest first; SLA policies may choose targets by it.
 *
 * @since 0.1
 */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}

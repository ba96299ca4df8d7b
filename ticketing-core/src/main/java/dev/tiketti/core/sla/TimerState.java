package dev.tiketti.core.sla;

/**
 * Where a stored timer is in its life, as seen by the store's clock at the time of the query.
 *
 * @since 0.1
 */
public enum TimerState {
    /** Waiting for its due instant, or due and free to claim (possibly after a retry back-off). */
    PENDING,
    /** Held by an owner under a lease that has not expired. */
    CLAIMED,
    /** Its handler ran and the claim was completed for its current due instant. */
    FIRED
}

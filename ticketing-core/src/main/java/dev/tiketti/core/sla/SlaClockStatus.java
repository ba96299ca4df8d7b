package dev.tiketti.core.sla;

/**
 * Where an {@link SlaClock} stands. A target met after its due instant stays {@link #BREACHED}
 * (with {@link SlaClock#metAt()} present): a late answer does not undo the breach.
 *
 * @since 0.1
 */
public enum SlaClockStatus {
    /** Business time is accruing and the due instant has not passed. */
    RUNNING,
    /** The ticket is in a WAITING-category state: no business time accrues; not breached. */
    PAUSED,
    /** The target was met at or before its due instant. */
    MET,
    /** The due instant passed before the target was met; the clock may still be counting, paused or met late. */
    BREACHED
}

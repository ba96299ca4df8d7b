package dev.tiketti.core.sla;

import dev.tiketti.core.common.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One SLA target's clock on one ticket as of an instant: whether it runs, is paused, was met or
 * breached, how much business time it has used and when it is due. Computed from the ticket's
 * history by {@link SlaClocks#compute}; see {@code docs/sla.md}, "SLA clocks".
 *
 * @param target    which promise this clock measures
 * @param status    where it stands
 * @param allowed   the business time the policy allows for the target
 * @param used      business time used so far in the current cycle (never more than wall time since {@code startedAt})
 * @param startedAt when the current cycle started (creation; the customer message for {@code NEXT_RESPONSE})
 * @param due       the instant the target runs out, present only while business time accrues
 *                  (not paused, not met); a breached clock that still runs shows its breach instant
 * @param metAt     when the target was met; empty while it is still open
 * @param breachedAt when the target was breached (its due instant); empty if not breached
 * @param warnings  the policy's warning thresholds, ascending
 * @param asOf      the instant this clock describes
 * @since 0.1
 */
public record SlaClock(SlaTarget target, SlaClockStatus status, Duration allowed, Duration used, Instant startedAt,
                       Optional<Instant> due, Optional<Instant> metAt, Optional<Instant> breachedAt,
                       List<SlaClockWarning> warnings, Instant asOf) {
    public SlaClock {
        Require.nonNull(target, "target");
        Require.nonNull(status, "status");
        Require.nonNull(allowed, "allowed");
        Require.nonNull(used, "used");
        Require.nonNull(startedAt, "startedAt");
        Require.nonNull(due, "due");
        Require.nonNull(metAt, "metAt");
        Require.nonNull(breachedAt, "breachedAt");
        warnings = List.copyOf(Require.nonNull(warnings, "warnings"));
        Require.nonNull(asOf, "asOf");
    }

    /** Business time left: {@code allowed - used}; negative once a clock runs past its target. */
    public Duration remaining() {
        return allowed.minus(used);
    }

    /** Whether the target is still open (running or paused, breached or not), i.e. not met. */
    public boolean open() {
        return metAt.isEmpty();
    }

    /** Whether business time is accruing now (open and not paused); exactly when {@link #due()} is present. */
    public boolean counting() {
        return due.isPresent();
    }

    /** Whether the target was breached (now, or met late). */
    public boolean breached() {
        return breachedAt.isPresent();
    }
}

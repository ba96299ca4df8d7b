package dev.tiketti.core.sla;

import dev.tiketti.core.common.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One warning threshold of a clock: how much business time reaches it and when it was or will be
 * reached, so a timer can be scheduled for it.
 *
 * @param threshold    the policy's threshold, with its escalation effects
 * @param businessTime the business time used when the threshold is reached ({@code percent} of the target)
 * @param at           when it was reached ({@code crossed}), or when it will be if the clock keeps
 *                     running; empty when not reached and the clock is paused or stopped
 * @param crossed      whether the threshold has been reached (at or before the clock's {@code asOf})
 * @since 0.1
 */
public record SlaClockWarning(WarningThreshold threshold, Duration businessTime, Optional<Instant> at,
                              boolean crossed) {
    public SlaClockWarning {
        Require.nonNull(threshold, "threshold");
        Require.nonNull(businessTime, "businessTime");
        Require.nonNull(at, "at");
        if (crossed && at.isEmpty()) {
            throw SlaMessages.crossedWithoutInstant();
        }
    }
}

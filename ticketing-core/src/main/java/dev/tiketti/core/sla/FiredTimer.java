package dev.tiketti.core.sla;

import dev.tiketti.core.common.Require;
import java.time.Instant;

/**
 * A timer whose handler ran and whose claim was completed: it will not fire again for this due
 * instant. Returned by {@link dev.tiketti.core.timer.TimerService#tick()}.
 *
 * @param id      which timer
 * @param due     the due instant that fired
 * @param owner   the owner id of the service that fired it
 * @param attempt which attempt succeeded (1 = first)
 * @param firedAt when the handler finished, by the service's clock
 * @since 0.1
 */
public record FiredTimer(TimerId id, Instant due, String owner, int attempt, Instant firedAt) {
    public FiredTimer {
        Require.nonNull(id, "timer id");
        Require.nonNull(due, "due instant");
        Require.notBlank(owner, "owner");
        Require.nonNull(firedAt, "fired at");
    }
}

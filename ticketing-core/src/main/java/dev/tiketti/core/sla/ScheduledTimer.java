package dev.tiketti.core.sla;

import dev.tiketti.core.internal.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one stored timer, for tests and monitoring.
 *
 * @param id         which timer
 * @param due        its current due instant (for a fired timer: the one that fired)
 * @param state      pending, claimed or fired
 * @param owner      the holder of an unexpired claim; empty otherwise
 * @param heldUntil  while claimed: the lease expiry; while pending after a failed attempt: the end
 *                   of the retry back-off; empty when nothing holds it back
 * @param attempts   claims of the current due instant so far
 * @since 0.1
 */
public record ScheduledTimer(TimerId id, Instant due, TimerState state, Optional<String> owner,
                             Optional<Instant> heldUntil, int attempts) {
    public ScheduledTimer {
        Require.nonNull(id, "timer id");
        Require.nonNull(due, "due instant");
        Require.nonNull(state, "state");
        Require.nonNull(owner, "owner");
        Require.nonNull(heldUntil, "held until");
    }
}

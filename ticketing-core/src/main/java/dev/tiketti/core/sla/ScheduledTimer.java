package dev.tiketti.core.sla;

import dev.tiketti.core.common.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one stored timer, for tests and monitoring. The constructor rejects impossible
 * combinations (a claimed timer without owner or lease, a fired one still held), so a store that
 * builds one from inconsistent rows fails loudly.
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
        boolean consistent = switch (state) {
            case CLAIMED -> owner.isPresent() && heldUntil.isPresent();
            case PENDING -> owner.isEmpty();
            case FIRED -> owner.isEmpty() && heldUntil.isEmpty();
        };
        if (!consistent || attempts < 0) {
            throw SlaMessages.timerState(id, state, owner.isPresent(), heldUntil.isPresent(), attempts);
        }
    }
}

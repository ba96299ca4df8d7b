package dev.tiketti.core.sla;

import dev.tiketti.core.common.Require;
import java.time.Instant;

/**
 * A due timer that one owner holds under a lease; only this claim can
 * {@linkplain dev.tiketti.core.spi.TimerStore#complete complete} or
 * {@linkplain dev.tiketti.core.spi.TimerStore#release release} it, and only while nobody has
 * claimed the timer since (the {@code fencingToken} decides).
 *
 * <p>A handler's effect must be idempotent per {@code (id(), due())}: the same pair may be handed
 * out again after a lease expires or a claim is released.
 *
 * @param id           which timer
 * @param due          the due instant being fired
 * @param owner        the node (or thread) that claimed it
 * @param leaseExpiry  until when the claim excludes others, by the store's own clock
 * @param fencingToken unique per claim of this timer and growing: a newer claim has a larger one
 * @param attempt      how many times this due instant has been claimed, this claim included (1 = first)
 * @since 0.1
 */
public record ClaimedTimer(TimerId id, Instant due, String owner, Instant leaseExpiry, long fencingToken,
                           int attempt) {
    public ClaimedTimer {
        Require.nonNull(id, "timer id");
        Require.nonNull(due, "due instant");
        Require.notBlank(owner, "owner");
        Require.nonNull(leaseExpiry, "lease expiry");
        if (attempt < 1) {
            throw SlaMessages.claimAttempt(id, attempt);
        }
    }

    public TimerKind kind() {
        return id.kind();
    }

    public String subject() {
        return id.subject();
    }
}

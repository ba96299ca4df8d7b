package dev.tiketti.core.sla;

import dev.tiketti.core.common.Require;
import java.time.Instant;

/**
 * Asks a {@link dev.tiketti.core.spi.TimerStore} to have timer {@code id} fire at {@code due}.
 * Scheduling is idempotent per id: a second request for the same id replaces the due instant of a
 * timer that has not fired yet, and re-arms a fired one only if the due instant differs.
 *
 * @param id  which timer
 * @param due when it becomes due (may be in the past: it fires at the next poll)
 * @since 0.1
 */
public record TimerRequest(TimerId id, Instant due) {
    public TimerRequest {
        Require.nonNull(id, "timer id");
        Require.nonNull(due, "due instant");
    }

    public static TimerRequest of(TimerId id, Instant due) {
        return new TimerRequest(id, due);
    }

    public static TimerRequest of(TimerKind kind, String subject, Instant due) {
        return new TimerRequest(new TimerId(kind, subject), due);
    }
}

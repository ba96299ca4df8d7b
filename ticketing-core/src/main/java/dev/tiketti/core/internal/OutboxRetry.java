package dev.tiketti.core.internal;

import dev.tiketti.core.timer.PollerBackoff;
import java.time.Duration;

/**
 * When a failed outbox delivery is tried again, and when it is given up: the back-off doubles from
 * {@code firstBackoff} after each failed attempt up to {@code maxBackoff}, and a recipient's
 * delivery is dead once {@code maxAttempts} attempts have failed. The builder checks the values. Not API.
 */
public record OutboxRetry(Duration firstBackoff, Duration maxBackoff, int maxAttempts) {
    /** The first back-off unless configured: short enough that a brief outage costs little. */
    public static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);
    /** The longest back-off unless configured. */
    public static final Duration MAX_BACKOFF = Duration.ofHours(1);
    /**
     * Attempts unless configured: with the default back-offs (10 s, 20 s, 40 s … 1 h, 1 h) the last
     * of 12 attempts runs about 3 h 25 min after the first, so an outage of a few hours heals by itself.
     */
    public static final int MAX_ATTEMPTS = 12;

    /** The back-off after the {@code failures}-th failed attempt (1 for the first): first × 2^(failures−1), capped. */
    public Duration backoffAfter(int failures) {
        return PollerBackoff.exponential(firstBackoff, maxBackoff, failures);
    }

    /** Whether a delivery that has failed {@code failures} times is given up. */
    public boolean givesUpAfter(int failures) {
        return failures >= maxAttempts;
    }
}

package dev.tiketti.mail.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/** The processing-time budget of one mail, read from the parser's injected nanosecond ticker. */
final class Budget {
    private final LongSupplier nanoTime;
    private final long start;
    private final long limitNanos;

    Budget(LongSupplier nanoTime, Duration limit) {
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.limitNanos = limit.toNanos();
    }

    void check() {
        long elapsed = nanoTime.getAsLong() - start;
        if (elapsed > limitNanos) {
            throw MailProblems.tooSlow(elapsed / 1_000_000, limitNanos / 1_000_000);
        }
    }
}

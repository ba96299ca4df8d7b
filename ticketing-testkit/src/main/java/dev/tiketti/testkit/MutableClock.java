package dev.tiketti.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it, for pinning Tiketti's time
 * ({@code Ticketing.builder().clock(clock)}) and then advancing it to make timers fall due.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at("2024-12-05T15:55:00+02:00[Europe/Helsinki]");
 * clock.advance(Duration.ofDays(3));
 * }</pre>
 *
 * <p>Thread-safe. Copies made with {@link #withZone} share the same time source: advancing one
 * advances them all, as with a real system clock seen from different zones.
 *
 * @since 0.1
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock at {@code instant}, reporting times in {@code zone}. */
    public static MutableClock at(Instant instant, ZoneId zone) {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(zone, "zone");
        return new MutableClock(new AtomicReference<>(instant), zone);
    }

    /**
     * A clock at an ISO-8601 zoned date-time such as {@code 2024-12-05T15:55:00+02:00[Europe/Helsinki]}
     * (or {@code 2024-12-05T13:55:00Z}), in that zone.
     *
     * @throws IllegalArgumentException if the text is not such a date-time
     */
    public static MutableClock at(String zonedDateTime) {
        Objects.requireNonNull(zonedDateTime, "zonedDateTime");
        try {
            ZonedDateTime parsed = ZonedDateTime.parse(zonedDateTime);
            return at(parsed.toInstant(), parsed.getZone());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + zonedDateTime + "' is not an ISO-8601 zoned date-time; write it"
                    + " like 2024-12-05T15:55:00+02:00[Europe/Helsinki] or 2024-12-05T13:55:00Z", e);
        }
    }

    /**
     * Moves time forward by {@code amount} (zero is allowed) and returns this clock.
     *
     * @throws IllegalArgumentException if {@code amount} is negative: use {@link #set} to go back
     */
    public MutableClock advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("advance(" + amount + ") would move time backwards; "
                    + "use set(Instant) if the test really needs that");
        }
        now.updateAndGet(t -> t.plus(amount));
        return this;
    }

    /** Sets the current instant, forwards or backwards, and returns this clock. */
    public MutableClock set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view of the same time source in another zone; moving either moves both. */
    @Override
    public MutableClock withZone(ZoneId newZone) {
        Objects.requireNonNull(newZone, "zone");
        return newZone.equals(zone) ? this : new MutableClock(now, newZone);
    }

    /** Equal when sharing the same time source and zone. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MutableClock c && c.now == now && c.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(now) * 31 + zone.hashCode();
    }

    @Override
    public String toString() {
        return "MutableClock[" + instant().atZone(zone) + "]";
    }
}

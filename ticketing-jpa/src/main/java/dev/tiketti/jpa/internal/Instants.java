package dev.tiketti.jpa.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Splits an instant into the microsecond part stored in a TIMESTAMP column (PostgreSQL keeps no
 * more) and the remaining nanoseconds stored beside it, so a stored value reads back equal.
 */
final class Instants {
    private Instants() {
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static int nanos(Instant instant) {
        return instant.getNano() % 1000;
    }

    static Instant join(Instant micros, int nanos) {
        return micros.plusNanos(nanos);
    }
}

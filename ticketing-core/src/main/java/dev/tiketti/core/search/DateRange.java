package dev.tiketti.core.search;

import dev.tiketti.core.common.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * A span of time for a search filter: from (inclusive) until (exclusive); an empty end is open.
 *
 * @since 0.1
 */
public record DateRange(Optional<Instant> from, Optional<Instant> until) {
    public DateRange {
        Require.nonNull(from, "from");
        Require.nonNull(until, "until");
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw SearchMessages.emptyRange(from.get(), until.get());
        }
    }

    /** From {@code from} (inclusive) until {@code until} (exclusive). */
    public static DateRange between(Instant from, Instant until) {
        return new DateRange(Optional.of(Require.nonNull(from, "from")), Optional.of(Require.nonNull(until, "until")));
    }

    /** From {@code from} on. */
    public static DateRange since(Instant from) {
        return new DateRange(Optional.of(Require.nonNull(from, "from")), Optional.empty());
    }

    /** Before {@code until}. */
    public static DateRange before(Instant until) {
        return new DateRange(Optional.empty(), Optional.of(Require.nonNull(until, "until")));
    }

    /** Whether {@code at} lies in the range. */
    public boolean contains(Instant at) {
        return from.map(f -> !at.isBefore(f)).orElse(true) && until.map(at::isBefore).orElse(true);
    }
}

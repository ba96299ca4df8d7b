package dev.tiketti.core.sla;

import dev.tiketti.core.common.Require;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A one-off closure in the calendar's local time, from {@code from} (inclusive) to {@code to}
 * (exclusive), with minute precision: a training day, a move, an afternoon off. Closures win over
 * everything else, extra working days included.
 *
 * @param from first closed local minute
 * @param to   end of the closure (exclusive), after {@code from}
 * @since 0.1
 */
public record Closure(LocalDateTime from, LocalDateTime to) {
    /** Checks the range is non-empty and on whole minutes. */
    public Closure {
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        if (!to.isAfter(from)) {
            throw SlaMessages.closureEmpty(from, to);
        }
        if (from.getSecond() != 0 || from.getNano() != 0 || to.getSecond() != 0 || to.getNano() != 0) {
            throw SlaMessages.closureNotOnMinutes(from, to);
        }
    }

    /** Whole days closed, {@code first} to {@code last} inclusive. */
    public static Closure days(LocalDate first, LocalDate last) {
        Require.nonNull(first, "first");
        Require.nonNull(last, "last");
        if (last.isBefore(first)) {
            throw SlaMessages.closureDaysInverted(first, last);
        }
        return new Closure(first.atStartOfDay(), last.plusDays(1).atStartOfDay());
    }
}

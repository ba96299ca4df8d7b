package dev.tiketti.core.sla;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.time.Instant;
import java.util.List;

/** The messages of the calendar and SLA policy problems, kept in one place. Package-private: not API. */
final class SlaProblems {
    private SlaProblems() {
    }

    static ConfigurationException invalid(String problem) {
        return new ConfigurationException(ErrorCode.INVALID_BUSINESS_CALENDAR,
                "Invalid business calendar", List.of(problem));
    }

    static ConfigurationException invalid(List<String> problems) {
        return new ConfigurationException(ErrorCode.INVALID_BUSINESS_CALENDAR,
                "Invalid business calendar (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ")",
                problems);
    }

    static ConfigurationException unknownZone(String zoneId) {
        return new ConfigurationException(ErrorCode.UNKNOWN_TIME_ZONE, "Time zone '" + zoneId
                + "' is not known to this JVM. Use an IANA region id such as 'Europe/Helsinki'", List.of());
    }

    static ConfigurationException noWorkingTimeAtAll() {
        return new ConfigurationException(ErrorCode.NO_WORKING_TIME, "The business calendar has no working time at all:"
                + " no weekday has working hours, so a due instant would never come. Give at least one weekday hours,"
                + " e.g. builder.weekdays(\"08:00-16:00\")", List.of());
    }

    static ConfigurationException noWorkingTimeFrom(int year, int years) {
        return new ConfigurationException(ErrorCode.NO_WORKING_TIME, "The business calendar has no working time in the "
                + years + " years from " + year + ": holidays, closures or missing hours remove every working interval,"
                + " so a due instant would never come. Shorten the closures or correct the holiday provider", List.of());
    }

    static ConfigurationException badDuration(Object duration) {
        return new ConfigurationException(ErrorCode.INVALID_BUSINESS_DURATION, "Business duration " + duration
                + " is not allowed: it must be positive and at most 100 years. Pass a target such as PT4H", List.of());
    }

    static TicketingException outOfRange(Object instant) {
        return new TicketingException(ErrorCode.OUTSIDE_CALENDAR_RANGE, "Instant " + instant
                + " lies outside the years " + BusinessCalendar.MIN_YEAR + "-" + BusinessCalendar.MAX_YEAR
                + " that business calendars support. Check the instant (seconds taken for milliseconds?)");
    }

    /** Throws one exception listing every problem; UNKNOWN_CALENDAR only when that is all that is wrong. */
    static ConfigurationException policies(String what, List<String> invalid, List<String> unknownCalendars) {
        List<String> all = new java.util.ArrayList<>(invalid);
        all.addAll(unknownCalendars);
        return new ConfigurationException(invalid.isEmpty() ? ErrorCode.UNKNOWN_CALENDAR : ErrorCode.INVALID_SLA_POLICY,
                what + " (" + all.size() + " problem" + (all.size() == 1 ? "" : "s") + "); nothing was configured", all);
    }

    static ConfigurationException policy(String what, String problem) {
        return new ConfigurationException(ErrorCode.INVALID_SLA_POLICY, what, List.of(problem));
    }

    static ConfigurationException malformed(List<String> problems) {
        return new ConfigurationException(ErrorCode.MALFORMED_SLA_POLICY,
                "The SLA policy document could not be read; nothing was loaded", problems);
    }

    static TicketingException history(String problem) {
        return new TicketingException(ErrorCode.SLA_HISTORY_MISMATCH, "SLA clocks cannot be computed: " + problem);
    }

    static TicketingException outOfOrder(String what, Instant at, Instant last) {
        return new TicketingException(ErrorCode.SLA_CLOCK_OUT_OF_ORDER, what + " at " + at
                + " is before the last event the SLA clocks saw (" + last + "). Apply events in time order,"
                + " or recompute the clocks from the history with SlaClocks.compute");
    }
}

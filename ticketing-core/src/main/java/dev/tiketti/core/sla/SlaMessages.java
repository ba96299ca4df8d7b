package dev.tiketti.core.sla;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketingException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The messages of business calendars, SLA policies, SLA clocks, reminder rules and timer values.
 * Each method names the value, the problem and the fix; the {@code String} ones are single
 * problems that a {@link ConfigurationException} lists. Package-private: not API.
 */
final class SlaMessages {
    private SlaMessages() {
    }

    // Business calendars

    static ConfigurationException calendar(String problem) {
        return new ConfigurationException(ErrorCode.INVALID_BUSINESS_CALENDAR,
                "Invalid business calendar", List.of(problem));
    }

    static ConfigurationException calendar(List<String> problems) {
        return new ConfigurationException(ErrorCode.INVALID_BUSINESS_CALENDAR,
                "Invalid business calendar (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ")",
                problems);
    }

    static ConfigurationException closureEmpty(LocalDateTime from, LocalDateTime to) {
        return calendar("Closure " + from + " to " + to + " is empty or inverted: its end must come after its start.");
    }

    static ConfigurationException closureNotOnMinutes(LocalDateTime from, LocalDateTime to) {
        return calendar("Closure " + from + " to " + to + " is not on whole minutes: calendars have minute precision.");
    }

    static ConfigurationException closureDaysInverted(LocalDate first, LocalDate last) {
        return calendar("Closure of days " + first + " to " + last
                + " is inverted: the last day must not come before the first.");
    }

    static ConfigurationException intervalOutsideDay(String start, String end) {
        return calendar("Working interval " + start + "-" + end + " is outside the day: use times from 00:00 to 24:00.");
    }

    static ConfigurationException intervalInverted(String start, String end) {
        return calendar("Working interval " + start + "-" + end + " is inverted or empty: its end must come after its start"
                + " (use 24:00 for the end of the day; split a night shift into two days).");
    }

    static ConfigurationException intervalUnreadable(String text) {
        return calendar("Working interval '" + text + "' cannot be read: write it as HH:MM-HH:MM, e.g. 08:00-11:30.");
    }

    static ConfigurationException intervalNoSuchTime(String text) {
        return calendar("Working interval '" + text + "' names a time that does not exist:"
                + " hours go 00-23 (24:00 only as an end), minutes 00-59.");
    }

    /** {@code end} is "start" or "end". */
    static ConfigurationException intervalNotOnMinute(String end, LocalTime time) {
        return calendar("Working interval " + end + " " + time
                + " is not on a whole minute: calendars have minute precision.");
    }

    static String intervalsOverlap(WorkingInterval a, WorkingInterval b, String where) {
        return "Working intervals " + a + " and " + b + " of " + where + " overlap: make them disjoint or merge them.";
    }

    static ConfigurationException extraDayWithoutHours(LocalDate date) {
        return calendar("Extra working day " + date
                + " has no working intervals: give its hours, e.g. extraWorkingDay(date, \"08:00-16:00\").");
    }

    static ConfigurationException extraDayTwice(LocalDate date) {
        return calendar("Extra working day " + date + " is declared twice: declare it once.");
    }

    static ConfigurationException calendarOptionTwice(String option) {
        return calendar("The " + option + " option is set twice on one builder: set it once"
                + " (toBuilder() lets each be replaced once).");
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

    static ConfigurationException badDuration(Duration duration) {
        return new ConfigurationException(ErrorCode.INVALID_BUSINESS_DURATION, "Business duration " + duration
                + " is not allowed: it must be positive and at most 100 years. Pass a target such as PT4H", List.of());
    }

    static TicketingException outOfRange(Object instant) {
        return new TicketingException(ErrorCode.OUTSIDE_CALENDAR_RANGE, "Instant " + instant
                + " lies outside the years " + BusinessCalendar.MIN_YEAR + "-" + BusinessCalendar.MAX_YEAR
                + " that business calendars support. Check the instant (seconds taken for milliseconds?)");
    }

    static ConfigurationException jacksonMissing() {
        return new ConfigurationException(ErrorCode.MISSING_DEPENDENCY,
                "SLA policy JSON needs jackson-databind on the class path. Add the dependency "
                        + "com.fasterxml.jackson.core:jackson-databind (2.x) to your application", List.of());
    }

    // SLA policies and their rule sets

    private static ConfigurationException policy(String summary, String problem) {
        return new ConfigurationException(ErrorCode.INVALID_SLA_POLICY, summary, List.of(problem));
    }

    /** One exception listing every problem; UNKNOWN_CALENDAR only when that is all that is wrong. */
    private static ConfigurationException policies(String summary, List<String> invalid, List<String> unknownCalendars) {
        List<String> all = new ArrayList<>(invalid);
        all.addAll(unknownCalendars);
        return new ConfigurationException(invalid.isEmpty() ? ErrorCode.UNKNOWN_CALENDAR : ErrorCode.INVALID_SLA_POLICY,
                summary + " (" + all.size() + " problem" + (all.size() == 1 ? "" : "s") + "); nothing was configured",
                all);
    }

    static ConfigurationException configuration(List<String> invalid, List<String> unknownCalendars) {
        return policies("Invalid SLA configuration", invalid, unknownCalendars);
    }

    static ConfigurationException document(List<String> invalid, List<String> unknownCalendars) {
        return policies("The SLA policy document is invalid", invalid, unknownCalendars);
    }

    static ConfigurationException policyWithUnknownCalendar(String policy, String calendar, Collection<String> known) {
        return policies("SLA policy '" + policy + "' is not part of this configuration", List.of(),
                List.of(unknownCalendar(policy, calendar, known)));
    }

    static String unknownCalendar(String policy, String calendar, Collection<String> known) {
        return "SLA policy '" + policy + "' refers to calendar '" + calendar + "', which is not registered. Registered: "
                + known.stream().sorted().toList() + ". Register it with"
                + " SlaPolicies.builder().calendar(\"" + calendar + "\", ...) or correct the policy.";
    }

    static ConfigurationException invalidPolicy(String policy, List<String> problems) {
        return new ConfigurationException(ErrorCode.INVALID_SLA_POLICY,
                "SLA policy '" + policy + "' is invalid; nothing was configured", problems);
    }

    static ConfigurationException calendarTwice(String name) {
        return policy("Invalid SLA configuration", "Calendar '" + name
                + "' is registered twice: register each name once.");
    }

    static ConfigurationException policyTwice(String name) {
        return policy("Invalid SLA configuration", "Policy '" + name
                + "' is defined twice: give each policy its own name.");
    }

    static ConfigurationException fallbackTwice(String first, String second) {
        return policy("Invalid SLA configuration", "The fallback policy is set twice ('" + first + "', '" + second
                + "'): set it once.");
    }

    static String noPolicy() {
        return "No SLA policy is defined: define at least the fallback policy.";
    }

    static String ruleWithUnknownPolicy(int rule, String policy, Collection<String> defined) {
        return "Rule " + rule + " chooses policy '" + policy + "', which is not defined. Defined: " + defined + ".";
    }

    static String noFallback() {
        return "No fallback policy is set: name the policy for tickets no rule matches, e.g. fallback(\"standard\").";
    }

    static String unknownFallback(String policy, Collection<String> defined) {
        return "The fallback policy '" + policy + "' is not defined. Defined: " + defined + ".";
    }

    static String policyName(String name) {
        return "Policy name '" + name + "' is invalid: use 1-64 letters, digits, '_', '.' or '-', starting with a letter.";
    }

    static String policyWithoutCalendar(String policy) {
        return "Policy '" + policy + "' names no calendar: name the business calendar its targets are counted on.";
    }

    static String policyWithoutTargets(String policy) {
        return "Policy '" + policy + "' has no targets: set at least one of " + Arrays.toString(SlaTarget.values()) + ".";
    }

    static String nullTarget(String policy) {
        return "Policy '" + policy + "' has a null target or duration.";
    }

    static String targetNotPositive(String policy, SlaTarget target, Duration d) {
        return "Policy '" + policy + "': target " + target + " of " + d + " is not positive: give business time such as PT4H.";
    }

    static String targetTooLong(String policy, SlaTarget target, Duration d) {
        return "Policy '" + policy + "': target " + target + " of " + d + " is longer than 100 years.";
    }

    static String targetTwice(String policy, SlaTarget target) {
        return "Policy '" + policy + "': target " + target + " is set twice: set it once.";
    }

    static String policyThreshold(String policy, String problem) {
        return "Policy '" + policy + "': " + problem;
    }

    static String thresholdTwice(String policy, int percent) {
        return "Policy '" + policy + "': warning threshold " + percent + " % is given twice: give each percentage once.";
    }

    /** The problem of a warning percentage, or empty when it is strictly between 0 and 100. */
    static Optional<String> thresholdProblem(int percent) {
        return percent > 0 && percent < 100 ? Optional.empty() : Optional.of("Warning threshold " + percent
                + " % is outside (0, 100): warn before the breach, e.g. at 75 or 90; the breach itself has its own effects.");
    }

    static ConfigurationException threshold(String problem) {
        return policy("Invalid warning threshold", problem);
    }

    static ConfigurationException raiseLevels(int levels, int most) {
        return policy("Invalid escalation", "Raise priority by " + levels + " levels is not possible: use 1 to "
                + most + ".");
    }

    static ConfigurationException reassignWithoutAgent() {
        return policy("Invalid escalation",
                "Reassign to AGENT names no agent: name one, e.g. Escalation.reassignTo(\"maija\").");
    }

    static ConfigurationException reassignNamesAgent(Escalation.Reassign.Target target) {
        return policy("Invalid escalation", "Reassign to " + target
                + " must not name an agent: use target AGENT for a named agent.");
    }

    static ConfigurationException malformed(List<String> problems) {
        return new ConfigurationException(ErrorCode.MALFORMED_SLA_POLICY,
                "The SLA policy document could not be read; nothing was loaded", problems);
    }

    /** {@code line} and {@code column} as the JSON parser reports them. */
    static ConfigurationException notJson(int line, int column, String parserMessage) {
        return malformed(List.of("$: not valid JSON (line " + line + ", column " + column + "): " + parserMessage
                + ". Fix the syntax and load it again"));
    }

    // SLA clocks

    private static TicketingException history(String problem) {
        return new TicketingException(ErrorCode.SLA_HISTORY_MISMATCH, "SLA clocks cannot be computed: " + problem);
    }

    static TicketingException stateNotDeclared(String state, String workflowId, int version) {
        return history("state '" + state + "' is not declared in workflow '" + workflowId + "' version " + version
                + ". Pass the workflow version the ticket followed");
    }

    static TicketingException historyOfAnotherTicket(long sequence, TicketId owner, TicketId ticket) {
        return history("history entry " + sequence + " belongs to ticket " + owner + ", not " + ticket
                + ". Pass the history of one ticket");
    }

    static TicketingException timelineOfAnotherTicket(Object entry, TicketId owner, TicketId ticket) {
        return history("timeline entry " + entry + " belongs to ticket " + owner + ", not " + ticket
                + ". Pass the timeline of one ticket");
    }

    static TicketingException noCreatedEntry(TicketId ticket) {
        return history("the history of ticket " + ticket + " has no CREATED entry. Pass the whole history");
    }

    static TicketingException noInitialState(TicketId ticket) {
        return history("the CREATED entry of ticket " + ticket + " records no initial state. Pass the history the "
                + "store returns, unchanged");
    }

    static TicketingException stateWithoutCategory(String state, String why) {
        return history("state '" + state + "' recorded in the history has no category: " + why
                + ". Pass the workflow version the ticket followed, or map the state to a category");
    }

    static TicketingException stateWithoutCategory(String state) {
        return history("state '" + state + "' recorded in the history has no category. Pass the"
                + " workflow version the ticket followed, or map the state to a category");
    }

    static TicketingException clockFiledWrongly(SlaTarget clock, SlaTarget filedUnder) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "The clock of " + clock + " is filed under "
                + filedUnder + ": file each clock under its own target.");
    }

    static TicketingException crossedWithoutInstant() {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE,
                "A crossed warning must have the instant it was crossed: pass it as at.");
    }

    private static TicketingException outOfOrder(String what, Instant at, Instant last) {
        return new TicketingException(ErrorCode.SLA_CLOCK_OUT_OF_ORDER, what + " at " + at
                + " is before the last event the SLA clocks saw (" + last + "). Apply events in time order,"
                + " or recompute the clocks from the history with SlaClocks.compute");
    }

    static TicketingException readBeforeLastEvent(Instant now, Instant last) {
        return outOfOrder("Reading SLA clocks", now, last);
    }

    static TicketingException eventBeforeLastEvent(Class<?> eventType, Instant at, Instant last) {
        return outOfOrder("An SLA clock event " + eventType.getSimpleName(), at, last);
    }

    // Reminder rules

    static ConfigurationException invalidReminder(String rule, List<String> problems) {
        return new ConfigurationException(ErrorCode.INVALID_REMINDER_RULE,
                "Reminder rule '" + rule + "' is invalid; nothing was configured", problems);
    }

    static String reminderName(String name) {
        return "Reminder name '" + name + "' is invalid: use 1-64 letters, digits, '_', '.' or '-', starting with a letter.";
    }

    static String reminderWithoutCondition(String name) {
        return "Reminder '" + name + "' has no condition: use UNASSIGNED or NO_ACTIVITY.";
    }

    static String reminderTimeNotPositive(String name, Duration after) {
        return "Reminder '" + name + "': business time " + after + " is not positive: give business time such as PT2H.";
    }

    static String reminderTimeTooLong(String name, Duration after) {
        return "Reminder '" + name + "': business time " + after + " is longer than 100 years.";
    }

    static String reminderWithoutCalendar(String name) {
        return "Reminder '" + name + "' has no calendar: pass e.g. BusinessCalendars.finland().";
    }

    static String reminderNullScope(String name) {
        return "Reminder '" + name + "': team and ticket type must be Optional values, not null.";
    }

    static String reminderBlankType(String name) {
        return "Reminder '" + name + "': the ticket type is blank: name a type or leave it out.";
    }

    // Timer values

    static TicketingException timerState(TimerId id, TimerState state, boolean owned, boolean held, int attempts) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "Timer " + id + " cannot be " + state
                + " with owner " + (owned ? "set" : "empty") + ", held-until " + (held ? "set" : "empty") + " and "
                + attempts + " attempts: a claimed timer has an owner and a lease expiry, a pending one no owner, "
                + "a fired one neither; attempts are never negative.");
    }

    static TicketingException claimAttempt(TimerId id, int attempt) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE,
                "Attempt " + attempt + " of timer " + id + " is invalid: the first claim is attempt 1.");
    }

    static TicketingException timerSubject(int length) {
        return new TicketingException(ErrorCode.INVALID_IDENTIFIER, "Timer subject of length " + length
                + " is invalid: use 1-" + TimerId.MAX_SUBJECT_LENGTH + " characters without control characters "
                + "(e.g. a ticket id, optionally followed by '/' and a qualifier).");
    }

    // Located problems of a JSON policy document ({@code path} is a JSON path such as $.policies[0])

    static String jsonPolicyProblem(int index, String problem) {
        return "$.policies[" + index + "]: " + problem;
    }

    static String jsonPolicyTwice(String name) {
        return "$.policies: policy '" + name + "' is defined twice: give each policy its own name.";
    }

    static String jsonRootNotObject() {
        return "$: expected an object with policies, rules and fallback";
    }

    static String jsonTargetsNotObject(String policyPath, boolean missing) {
        return policyPath + ".targets: " + (missing ? "missing; " : "") + "expected an object such as {\"FIRST_RESPONSE\": \"PT4H\"}";
    }

    static String jsonPercentNotWholeNumber(String warningPath, boolean missing) {
        return warningPath + ".percent: " + (missing ? "missing; " : "") + "expected a whole number between 1 and 99";
    }

    static String jsonLevelsNotWholeNumber(String escalationPath) {
        return escalationPath + ".levels: expected a whole number 1-3";
    }

    static String jsonUnknownEscalation(String escalationPath, String type, Collection<String> known) {
        return escalationPath + ".type: unknown escalation type '" + type + "'; known types: " + known;
    }

    static String jsonNotAnOrganizationId(String rulePath, String value) {
        return rulePath + ".organization: '" + value + "' is not an organisation id (a UUID)";
    }

    static String jsonDurationNotText(String path) {
        return path + ": expected an ISO-8601 duration such as \"PT4H\"";
    }

    static String jsonNotADuration(String path, String value) {
        return path + ": '" + value + "' is not an ISO-8601 duration; write e.g. \"PT4H\" or \"PT30M\"";
    }

    static String jsonNotArray(String path, String field, boolean missing) {
        return path + "." + field + ": " + (missing ? "missing; expected an array" : "expected an array");
    }

    static String jsonNotOneOf(String path, String value, List<?> allowed) {
        return path + ": '" + value + "' is not one of " + allowed;
    }
}

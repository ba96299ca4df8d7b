package dev.tiketti.core.sla;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TeamId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An automatic reminder (R6) about a matter nobody handles: when a ticket has been unassigned, or
 * without activity by a handler, for {@code after} of business time on {@code calendar}, a
 * {@link dev.tiketti.core.event.TicketEvent.ReminderDue} is published (and the team notified if
 * {@code notifyTeam}). Applies to the tickets of one team (queue), one ticket type, or all.
 * Reminders are sent only during the calendar's business hours. Register with
 * {@code Ticketing.builder().reminder(...)}.
 *
 * @param name       unique among the rules; 1-64 letters, digits, '_', '.' or '-'
 * @param condition  what must hold
 * @param after      business time the condition must hold for; positive
 * @param calendar   the calendar the time is counted on and reminders are sent in
 * @param team       only tickets of this team, if set
 * @param ticketType only tickets of this type, if set
 * @param notifyTeam whether the team is also notified through the outbound transport
 * @since 0.1
 */
public record ReminderRule(String name, Condition condition, Duration after, BusinessCalendar calendar,
                           Optional<TeamId> team, Optional<String> ticketType, boolean notifyTeam) {

    /** What a reminder waits for. */
    public enum Condition {
        /** Nobody is assigned; counted from the opening or from the change that left it unassigned. */
        UNASSIGNED,
        /** No change by a handler (an agent); counted from the last one, or from the opening. */
        NO_ACTIVITY
    }

    /** Validates everything at once. */
    public ReminderRule {
        List<String> problems = new ArrayList<>();
        if (name == null || !Require.isName(name)) {
            problems.add(SlaMessages.reminderName(name));
        }
        if (condition == null) {
            problems.add(SlaMessages.reminderWithoutCondition(name));
        }
        if (after == null || after.isZero() || after.isNegative()) {
            problems.add(SlaMessages.reminderTimeNotPositive(name, after));
        } else if (after.compareTo(BusinessCalendar.MAX_DURATION) > 0) {
            problems.add(SlaMessages.reminderTimeTooLong(name, after));
        }
        if (calendar == null) {
            problems.add(SlaMessages.reminderWithoutCalendar(name));
        }
        if (team == null || ticketType == null) {
            problems.add(SlaMessages.reminderNullScope(name));
        } else if (ticketType.isPresent() && ticketType.get().isBlank()) {
            problems.add(SlaMessages.reminderBlankType(name));
        }
        if (!problems.isEmpty()) {
            throw SlaMessages.invalidReminder(name, problems);
        }
    }

    /** A reminder for tickets nobody is assigned to for {@code after} of business time; applies to all tickets until narrowed. */
    public static ReminderRule unassignedFor(String name, Duration after, BusinessCalendar calendar) {
        return new ReminderRule(name, Condition.UNASSIGNED, after, calendar, Optional.empty(), Optional.empty(), false);
    }

    /** A reminder for tickets no handler has touched for {@code after} of business time; applies to all tickets until narrowed. */
    public static ReminderRule noActivityFor(String name, Duration after, BusinessCalendar calendar) {
        return new ReminderRule(name, Condition.NO_ACTIVITY, after, calendar, Optional.empty(), Optional.empty(), false);
    }

    /** The same rule, only for the tickets of {@code team} (its queue). */
    public ReminderRule forTeam(TeamId value) {
        return new ReminderRule(name, condition, after, calendar, Optional.of(Require.nonNull(value, "team")), ticketType,
                notifyTeam);
    }

    /** The same rule, only for tickets of type {@code type}. */
    public ReminderRule forType(String type) {
        return new ReminderRule(name, condition, after, calendar, team, Optional.of(Require.notBlank(type, "ticket type")),
                notifyTeam);
    }

    /** The same rule, also notifying the team through the outbound transport. */
    public ReminderRule notifyingTeam() {
        return new ReminderRule(name, condition, after, calendar, team, ticketType, true);
    }

    /** Whether the rule applies to a ticket of {@code ticketTeam} and type {@code type}. */
    public boolean appliesTo(TeamId ticketTeam, String type) {
        return team.map(t -> t.equals(ticketTeam)).orElse(true) && ticketType.map(t -> t.equals(type)).orElse(true);
    }
}

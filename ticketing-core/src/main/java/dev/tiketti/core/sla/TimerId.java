package dev.tiketti.core.sla;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;

/**
 * The identity of a durable timer: its kind plus the subject it is about (usually a ticket id,
 * optionally with a qualifier such as {@code 3f2c…/first-response}). At most one timer exists per
 * id, so scheduling the same id again replaces its due instant instead of adding a second timer.
 *
 * <p>The subject carries ids only, never personal data: it appears in logs and error messages.
 *
 * @param kind    what the timer is for; selects the handler
 * @param subject what the timer is about; 1-200 characters, no control characters
 * @since 0.1
 */
public record TimerId(TimerKind kind, String subject) {
    /** Longest subject a store must accept. */
    public static final int MAX_SUBJECT_LENGTH = 200;

    public TimerId {
        Require.nonNull(kind, "timer kind");
        Require.notBlank(subject, "timer subject");
        if (subject.length() > MAX_SUBJECT_LENGTH || subject.chars().anyMatch(Character::isISOControl)) {
            throw SlaMessages.timerSubject(subject.length());
        }
    }

    public static TimerId of(TimerKind kind, String subject) {
        return new TimerId(kind, subject);
    }

    public static TimerId of(String kind, String subject) {
        return new TimerId(new TimerKind(kind), subject);
    }

    /** The timer of {@code kind} about one ticket. */
    public static TimerId forTicket(TimerKind kind, TicketId ticket) {
        Require.nonNull(ticket, "ticket id");
        return new TimerId(kind, ticket.toString());
    }

    /** The timer of {@code kind} about one aspect of a ticket, e.g. {@code "first-response/75"}: subject {@code <ticket id>/<qualifier>}. */
    public static TimerId forTicket(TimerKind kind, TicketId ticket, String qualifier) {
        Require.nonNull(ticket, "ticket id");
        Require.notBlank(qualifier, "timer qualifier");
        return new TimerId(kind, ticket + "/" + qualifier);
    }

    @Override
    public String toString() {
        return kind.name() + ":" + subject;
    }
}

package dev.tiketti.core.event;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.sla.SlaTarget;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.FieldChange;
import java.time.Instant;
import java.util.List;

/**
 * A domain event about a ticket, published to {@link dev.tiketti.core.spi.EventListener}s after
 * commit. Events carry ids and names only, never personal data.
 *
 * @since 0.1
 */
public sealed interface TicketEvent {
    TicketId ticketId();

    TicketKey key();

    Actor actor();

    Instant at();

    /** A ticket was opened. */
    record TicketOpened(TicketId ticketId, TicketKey key, Actor actor, Instant at, String typeId, String state)
            implements TicketEvent {
    }

    /** A transition moved a ticket from one state to another. */
    record TicketTransitioned(TicketId ticketId, TicketKey key, Actor actor, Instant at, String transition,
                              String from, String to) implements TicketEvent {
    }

    /** Fields of a ticket were changed outside a transition. */
    record TicketUpdated(TicketId ticketId, TicketKey key, Actor actor, Instant at, List<FieldChange> changes)
            implements TicketEvent {
        public TicketUpdated {
            changes = dev.tiketti.core.common.Require.listOf(changes, "changes");
        }
    }

    /** A message, reply, note or phone call was added to the timeline. */
    record EntryAdded(TicketId ticketId, TicketKey key, Actor actor, Instant at, EntryKind kind)
            implements TicketEvent {
    }

    /** A ticket moved to a newer version of its workflow. */
    record WorkflowUpgraded(TicketId ticketId, TicketKey key, Actor actor, Instant at, int fromVersion,
                            int toVersion) implements TicketEvent {
    }

    /**
     * A warning threshold of an SLA target was crossed (published when its timer fires, during
     * business hours of the ticket's calendar). {@code actor} is {@link Actor#system()}.
     *
     * @param percent   the threshold, e.g. 75
     * @param crossedAt when the threshold was reached
     * @param due       when the target runs out, as known when the warning fired
     * @param at        when the warning was sent
     */
    record SlaWarning(TicketId ticketId, TicketKey key, Actor actor, Instant at, SlaTarget target, int percent,
                      Instant crossedAt, Instant due) implements TicketEvent {
    }

    /**
     * An SLA target was breached: its due instant passed before it was met. Published when the
     * breach timer fires (just after {@code due}), at any hour. {@code actor} is {@link Actor#system()}.
     *
     * @param due the instant the target ran out (the breach instant)
     * @param at  when the breach was recorded
     */
    record SlaBreached(TicketId ticketId, TicketKey key, Actor actor, Instant at, SlaTarget target, Instant due)
            implements TicketEvent {
    }

    /**
     * A change met an SLA target (a public reply, a resolution).
     *
     * @param actor  who made the change
     * @param onTime whether it was met at or before its due instant ({@code false}: met late, after a breach)
     */
    record SlaMet(TicketId ticketId, TicketKey key, Actor actor, Instant at, SlaTarget target, boolean onTime)
            implements TicketEvent {
    }

    /**
     * A reminder rule's condition has held for its business time (e.g. unassigned for 2 business
     * hours). Published during business hours only. {@code actor} is {@link Actor#system()}.
     *
     * @param rule  the reminder rule's name
     * @param since when the condition started to hold
     */
    record ReminderDue(TicketId ticketId, TicketKey key, Actor actor, Instant at, String rule, Instant since)
            implements TicketEvent {
    }
}

package dev.tiketti.core.event;

import dev.tiketti.core.Actor;
import dev.tiketti.core.TicketId;
import dev.tiketti.core.TicketKey;
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
            changes = dev.tiketti.core.internal.Require.listOf(changes, "changes");
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
}

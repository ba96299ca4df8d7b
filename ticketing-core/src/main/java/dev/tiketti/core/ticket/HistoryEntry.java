package dev.tiketti.core.ticket;

import dev.tiketti.core.Actor;
import dev.tiketti.core.TicketId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One append-only record of the action history (R2): who did what and when, which transition,
 * and which fields changed from what to what. {@code sequence} orders a ticket's entries from 1;
 * since every successful change adds exactly one entry and one version, it equals the ticket's
 * version after the change.
 *
 * @since 0.1
 */
public record HistoryEntry(TicketId ticketId, long sequence, Instant at, Actor actor, HistoryAction action,
                           Optional<String> transition, List<FieldChange> changes) {
    public HistoryEntry {
        Objects.requireNonNull(ticketId, "ticketId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1, was " + sequence);
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(transition, "transition");
        changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
    }
}

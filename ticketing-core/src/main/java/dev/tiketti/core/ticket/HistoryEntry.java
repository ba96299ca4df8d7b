package dev.tiketti.core.ticket;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import java.time.Instant;
import java.util.List;
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
        Require.nonNull(ticketId, "ticketId");
        Require.argument(sequence >= 1, () -> TicketMessages.historySequenceBelowOne(sequence));
        Require.nonNull(at, "at");
        Require.nonNull(actor, "actor");
        Require.nonNull(action, "action");
        Require.nonNull(transition, "transition");
        changes = Require.listOf(changes, "changes");
    }
}

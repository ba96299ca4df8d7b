package dev.tiketti.core.spi;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import java.util.List;

/**
 * One atomic change of a ticket for {@link TicketStore#update}: the new ticket value, the version
 * the caller read, and the timeline and history entries to append.
 *
 * @since 0.1
 */
public record TicketChange(Ticket ticket, long expectedVersion, List<TimelineEntry> newEntries,
                           List<HistoryEntry> newHistory) {
    public TicketChange {
        Require.nonNull(ticket, "ticket");
        newEntries = Require.listOf(newEntries, "newEntries");
        newHistory = Require.listOf(newHistory, "newHistory");
        Require.argument(ticket.version() == expectedVersion + 1,
                () -> StoreProblems.changeVersion(expectedVersion, ticket.version()));
    }
}

package dev.tiketti.core.spi;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import java.util.List;

/**
 * Everything a {@link TicketStore} holds about one ticket: the ticket, its timeline and its history,
 * each in insertion order. What {@link TicketStore#rewrite} hands to and takes back from a rewrite.
 *
 * @since 0.1
 */
public record StoredTicket(Ticket ticket, List<TimelineEntry> timeline, List<HistoryEntry> history) {
    public StoredTicket {
        Require.nonNull(ticket, "ticket");
        timeline = Require.listOf(timeline, "timeline");
        history = Require.listOf(history, "history");
    }
}

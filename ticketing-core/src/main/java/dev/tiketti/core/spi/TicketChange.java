package dev.tiketti.core.spi;

import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import java.util.List;
import java.util.Objects;

/**
 * One atomic change of a ticket for {@link TicketStore#update}: the new ticket value, the version
 * the caller read, and the timeline and history entries to append.
 *
 * @since 0.1
 */
public record TicketChange(Ticket ticket, long expectedVersion, List<TimelineEntry> newEntries,
                           List<HistoryEntry> newHistory) {
    public TicketChange {
        Objects.requireNonNull(ticket, "ticket");
        newEntries = List.copyOf(Objects.requireNonNull(newEntries, "newEntries"));
        newHistory = List.copyOf(Objects.requireNonNull(newHistory, "newHistory"));
        if (ticket.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("new version " + ticket.version()
                    + " must be expectedVersion + 1 = " + (expectedVersion + 1));
        }
    }
}

package dev.tiketti.core.inmemory;

import dev.tiketti.core.ConcurrentUpdateException;
import dev.tiketti.core.ErrorCode;
import dev.tiketti.core.TicketId;
import dev.tiketti.core.TicketKey;
import dev.tiketti.core.TicketingException;
import dev.tiketti.core.internal.Problems;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.TicketQuery;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reference {@link dev.tiketti.core.spi.TicketStore} in memory: for tests, examples and as the
 * executable statement of the SPI's semantics. Thread-safe by a single lock.
 *
 * @since 0.1
 */
public final class InMemoryTicketStore implements TicketStore {
    private final Map<TicketId, Ticket> tickets = new HashMap<>();
    private final Map<TicketKey, TicketId> byKey = new HashMap<>();
    private final Map<TicketId, List<TimelineEntry>> timelines = new HashMap<>();
    private final Map<TicketId, List<HistoryEntry>> histories = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();

    @Override
    public synchronized void create(Ticket ticket, List<TimelineEntry> timeline, List<HistoryEntry> history) {
        if (tickets.containsKey(ticket.id()) || byKey.containsKey(ticket.key())) {
            throw new TicketingException(ErrorCode.DUPLICATE, "Ticket " + ticket.key() + " (" + ticket.id()
                    + ") already exists; open a new ticket with a new id and key.");
        }
        tickets.put(ticket.id(), ticket);
        byKey.put(ticket.key(), ticket.id());
        timelines.put(ticket.id(), new ArrayList<>(timeline));
        histories.put(ticket.id(), new ArrayList<>(history));
    }

    @Override
    public synchronized void update(TicketChange change) {
        Ticket current = tickets.get(change.ticket().id());
        if (current == null) {
            throw Problems.ticketNotFound(change.ticket().id()); // a NotFoundException, like everywhere else
        }
        if (current.version() != change.expectedVersion()) {
            throw new ConcurrentUpdateException("Ticket " + current.key() + " was changed by someone else (version "
                    + current.version() + ", you had " + change.expectedVersion() + "); reload it and try again.");
        }
        tickets.put(current.id(), change.ticket());
        timelines.get(current.id()).addAll(change.newEntries());
        histories.get(current.id()).addAll(change.newHistory());
    }

    @Override
    public synchronized Optional<Ticket> find(TicketId id) {
        return Optional.ofNullable(tickets.get(id));
    }

    @Override
    public synchronized Optional<Ticket> findByKey(TicketKey key) {
        return Optional.ofNullable(byKey.get(key)).map(tickets::get);
    }

    @Override
    public synchronized List<TimelineEntry> timeline(TicketId id) {
        return List.copyOf(timelines.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized List<HistoryEntry> history(TicketId id) {
        return List.copyOf(histories.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized long nextNumber(String prefix) {
        return sequences.merge(prefix, 1L, Long::sum);
    }

    @Override
    public synchronized List<Ticket> query(TicketQuery query) {
        return tickets.values().stream()
                .filter(query::matches)
                .sorted(Comparator.comparing((Ticket t) -> t.key().prefix()).thenComparingLong(t -> t.key().number()))
                .limit(query.limit())
                .toList();
    }
}

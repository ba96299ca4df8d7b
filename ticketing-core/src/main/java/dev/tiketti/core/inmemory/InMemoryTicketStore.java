package dev.tiketti.core.inmemory;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.spi.StoreProblems;
import dev.tiketti.core.spi.StoredTicket;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TimelineEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

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
            throw StoreProblems.duplicateTicket(ticket.key(), ticket.id());
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
            throw StoreProblems.ticketNotFound(change.ticket().id()); // a NotFoundException, like everywhere else
        }
        if (current.version() != change.expectedVersion()) {
            throw StoreProblems.ticketChanged(current.key(), current.version(), change.expectedVersion());
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
                .sorted(Comparator.comparing(Ticket::key, TicketQuery.KEY_ORDER))
                .limit(query.limit())
                .toList();
    }

    @Override
    public synchronized boolean rewrite(TicketId id, UnaryOperator<StoredTicket> rewriter) {
        Objects.requireNonNull(rewriter, "rewriter");
        Ticket current = tickets.get(Objects.requireNonNull(id, "ticket id"));
        if (current == null) {
            return false;
        }
        StoredTicket before = new StoredTicket(current, timelines.get(id), histories.get(id));
        StoredTicket after = Objects.requireNonNull(rewriter.apply(before), "rewritten ticket");
        checkRewrite(before, after);
        if (after.equals(before)) {
            return false;
        }
        tickets.put(id, after.ticket());
        timelines.put(id, new ArrayList<>(after.timeline()));
        histories.put(id, new ArrayList<>(after.history()));
        return true;
    }

    /** The rules of {@link TicketStore#rewrite}; public so adapters can apply the same check. */
    public static void checkRewrite(StoredTicket before, StoredTicket after) {
        Ticket b = before.ticket();
        Ticket a = after.ticket();
        List<String> broken = new ArrayList<>();
        if (!a.id().equals(b.id()) || !a.key().equals(b.key()) || a.version() != b.version()) {
            broken.add(StoreProblems.rewriteChangedIdentity(b.id(), b.key(), b.version()));
        }
        if (!before.timeline().stream().map(TimelineEntry::id).toList()
                .equals(after.timeline().stream().map(TimelineEntry::id).toList())
                || !after.timeline().stream().allMatch(e -> e.ticketId().equals(b.id()))) {
            broken.add(StoreProblems.rewriteChangedTimeline(before.timeline().size()));
        }
        if (!before.history().stream().map(HistoryEntry::sequence).toList()
                .equals(after.history().stream().map(HistoryEntry::sequence).toList())
                || !after.history().stream().allMatch(h -> h.ticketId().equals(b.id()))) {
            broken.add(StoreProblems.rewriteChangedHistory(before.history().size()));
        }
        if (!broken.isEmpty()) {
            throw StoreProblems.rewriteRefused(b.key(), b.id(), broken);
        }
    }

    @Override
    public synchronized boolean delete(TicketId id) {
        Ticket removed = tickets.remove(Objects.requireNonNull(id, "ticket id"));
        if (removed == null) {
            return false;
        }
        byKey.remove(removed.key());
        timelines.remove(id);
        histories.remove(id);
        return true;
    }
}

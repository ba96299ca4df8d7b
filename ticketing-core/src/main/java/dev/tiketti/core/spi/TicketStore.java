package dev.tiketti.core.spi;

import dev.tiketti.core.TicketId;
import dev.tiketti.core.TicketKey;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import java.util.List;
import dev.tiketti.core.TicketQuery;
import java.util.Optional;

/**
 * Persists tickets with their timeline and action history.
 *
 * <p>Obligations (checked by {@code TicketStoreContract} in the testkit):
 * <ul>
 * <li>{@link #create} and {@link #update} are atomic: the ticket and all appended entries are
 *     stored together or not at all.</li>
 * <li>{@link #update} stores only if the stored version equals {@code expectedVersion}; otherwise it
 *     throws {@link dev.tiketti.core.ConcurrentUpdateException} and changes nothing.</li>
 * <li>{@link #create} of an existing id or key throws a {@link dev.tiketti.core.TicketingException}
 *     with code {@code DUPLICATE}.</li>
 * <li>Timeline and history are append-only and returned in insertion order.</li>
 * <li>{@link #nextNumber} never returns the same number twice for a prefix, also across nodes.</li>
 * <li>Thread-safe; never returns null.</li>
 * </ul>
 *
 * @since 0.1
 */
public interface TicketStore {

    void create(Ticket ticket, List<TimelineEntry> timeline, List<HistoryEntry> history);

    void update(TicketChange change);

    Optional<Ticket> find(TicketId id);

    Optional<Ticket> findByKey(TicketKey key);

    List<TimelineEntry> timeline(TicketId id);

    List<HistoryEntry> history(TicketId id);

    /** The next free sequence number for a key prefix, starting from 1. */
    long nextNumber(String prefix);

    /** Tickets matching the query, ordered by key. See {@link TicketQuery#matches} for the semantics. */
    List<Ticket> query(TicketQuery query);
}

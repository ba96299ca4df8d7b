package dev.tiketti.core.spi;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TimelineEntry;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Persists tickets with their timeline and action history.
 *
 * <p>Obligations (checked by {@code TicketStoreContract} in the testkit):
 * <ul>
 * <li>{@link #create} and {@link #update} are atomic: the ticket and all appended entries are
 *     stored together or not at all.</li>
 * <li>{@link #update} stores only if the stored version equals {@code expectedVersion}; otherwise it
 *     throws {@link dev.tiketti.core.common.ConcurrentUpdateException} and changes nothing.</li>
 * <li>{@link #create} of an existing id or key throws a {@link dev.tiketti.core.common.TicketingException}
 *     with code {@code DUPLICATE}.</li>
 * <li>A stored ticket reads back equal, every component included (also {@link Ticket#slaDue()},
 *     to the nanosecond: the facade sets it, the store keeps it and queries it).</li>
 * <li>Timeline and history are append-only and returned in insertion order.</li>
 * <li>{@link #nextNumber} never returns the same number twice for a prefix, also across nodes, and
 *     does not fail because another unit of work drew the first number of the same new prefix and
 *     is still open: it waits for that unit or goes ahead, and returns the next number. (An adapter
 *     that must join a host's transaction it cannot suspend documents the retryable
 *     {@link dev.tiketti.core.common.ConcurrentUpdateException} it throws instead.)</li>
 * <li>Thread-safe; never returns null.</li>
 * <li>{@link #rewrite} and {@link #delete} are the only ways stored content changes other than by
 *     {@link #update}; core calls them only for erasure and retention (R8).</li>
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

    /**
     * Tickets matching the query, ordered by key ({@link TicketQuery#KEY_ORDER}), at most
     * {@code limit} of them. See {@link TicketQuery#matches} for the semantics, including
     * {@code updatedSince} (inclusive, to the nanosecond), {@code slaDueBefore} (exclusive, to the
     * nanosecond; a ticket without {@code slaDue} never matches) and {@code after} (keyset paging:
     * strictly after that key, which need not exist). Should be one indexed statement per call in a
     * database.
     */
    List<Ticket> query(TicketQuery query);

    /**
     * Atomically replaces the stored content of one ticket with what {@code rewriter} makes of it:
     * the one way to redact personal data from subjects, bodies, history values and attachment
     * references, and to hand a ticket over to another requester (erasure, R8).
     *
     * <p>Obligations (checked by {@code TicketStoreContract.Rewrite}):
     * <ul>
     * <li>{@code rewriter} is called once with the current content, inside the store's lock or
     *     transaction, so that no {@link #update} is lost or interleaved (e.g. a row lock:
     *     {@code SELECT ... FOR UPDATE}); it does not call this store (core's redaction may put
     *     redacted attachment content into the {@link AttachmentStore} meanwhile).</li>
     * <li>The result must keep the ticket's id, key and {@code version}, the ids and order of the
     *     timeline entries and the ticket ids and sequences of the history entries; otherwise the
     *     store throws a {@link dev.tiketti.core.common.TicketingException} with {@code INVALID_TICKET_REWRITE}
     *     and changes nothing. Everything else (subject, resolution, fields, requester, bodies,
     *     attachment references, field values, transition names) may change.</li>
     * <li>The version is not incremented and no history entry is added: a rewrite is a correction of
     *     stored data, not a change of the matter. (A concurrent {@link #update} that read the content
     *     before the rewrite can bring old values back; erasure is therefore re-runnable.)</li>
     * <li>Returns false, and changes nothing, when the ticket does not exist or the result equals
     *     the current content; true when something was stored.</li>
     * <li>Adapters must overwrite in place, not keep old row versions (audit tables, soft deletes).</li>
     * </ul>
     */
    boolean rewrite(TicketId id, UnaryOperator<StoredTicket> rewriter);

    /**
     * Removes a ticket with its timeline and history (erasure or a retention sweep). Idempotent:
     * returns false when there is no such ticket. The key's number is never handed out again by
     * {@link #nextNumber}; attachment content is the caller's business. Checked by
     * {@code TicketStoreContract.Rewrite}.
     */
    boolean delete(TicketId id);
}

package dev.tiketti.core.spi;

import dev.tiketti.core.common.TicketId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * The ordered log of which tickets changed, shared by every node of a deployment, so that each
 * node's own search index can follow it (DESIGN "Scaling out"): core appends to it in the unit of
 * work of each ticket change, erasure and retention sweep, and a node's follower applies it by
 * re-reading those tickets from the store. It holds ids and sequence numbers only — never personal
 * data — so it needs no erasure of its own.
 *
 * <p>Obligations (checked by {@code ChangeLogContract} in the testkit):
 * <ul>
 * <li>{@link #append} writes in the current unit of work: rolled back with the change, visible to
 *     other units only after commit. Each entry gets a sequence number greater than every number
 *     handed out before it, across nodes. Numbers may have gaps (a rolled-back unit's numbers are
 *     never used) and, when units commit out of order, an entry may become visible after one with a
 *     higher number: followers wait a while for such holes (see {@code docs/search.md}).</li>
 * <li>{@link #after} returns committed entries with a higher sequence number, ascending, at most
 *     {@code limit}.</li>
 * <li>{@link #oldest} is the lowest sequence number still kept, empty when the log is empty;
 *     {@link #truncateBefore} drops entries appended before an instant. A follower whose position
 *     lies before {@code oldest() - 1} has missed entries and rebuilds its index.</li>
 * <li>Thread-safe; never returns null.</li>
 * </ul>
 *
 * @since 0.1
 */
public interface ChangeLog {

    /** Appends one entry per ticket, of this kind, at this instant, in the current unit of work. */
    void append(Collection<TicketId> tickets, LoggedChange.Kind kind, Instant at);

    /** Committed entries with a sequence number above {@code position}, ascending, at most {@code limit}. */
    List<LoggedChange> after(long position, int limit);

    /** The lowest sequence number kept; empty when the log holds no entry. */
    OptionalLong oldest();

    /** The highest sequence number of a committed entry; 0 when there is none. */
    long head();

    /** Drops the entries appended before {@code instant}; returns how many. */
    int truncateBefore(Instant instant);
}

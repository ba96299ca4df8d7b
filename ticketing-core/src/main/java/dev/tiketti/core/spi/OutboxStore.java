package dev.tiketti.core.spi;

import dev.tiketti.core.common.TicketId;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The transactional outbox: events and messages of a change are appended in the change's own unit
 * of work and removed once delivered, so a crash between commit and delivery loses nothing and
 * every node sharing the store can deliver what another left behind (at least once).
 *
 * <p>Obligations (checked by {@code OutboxStoreContract} in the testkit):
 * <ul>
 * <li>{@link #append} joins the caller's unit of work ({@link Transactions}): if it rolls back, the
 *     entries are gone with the change; appended entries are leased to {@code owner} for
 *     {@code lease}, so that no other node delivers them while their own node does.</li>
 * <li>{@link #claim} hands out entries that are not leased or whose lease has expired, oldest
 *     first (in append order), leases them to the claimer and counts the attempt. Concurrent
 *     claimers, also on other nodes, never get the same entry while its lease runs. Leases are
 *     measured on one clock for all nodes (the database's, in a database).</li>
 * <li>{@link #delivered} removes entries for good (idempotent: unknown ids are ignored); delivered
 *     entries are not kept, because payloads may carry personal data (R8).</li>
 * <li>{@link #discard} removes the undelivered entries about given tickets, leased or not: erasure
 *     calls it so that an event or mail carrying an erased person's data is not delivered later.</li>
 * <li>Thread-safe; never returns null.</li>
 * </ul>
 *
 * @since 0.1
 */
public interface OutboxStore {

    /** Stores entries, within the caller's unit of work, leased to {@code owner} for {@code lease}. */
    void append(List<OutboxEntry> entries, String owner, Duration lease);

    /**
     * Claims up to {@code limit} entries that are not leased or whose lease has expired, oldest first;
     * each returned with its attempt count incremented, leased to {@code owner} for {@code lease}.
     */
    List<OutboxEntry> claim(String owner, Duration lease, int limit);

    /** Removes delivered entries; returns how many were removed. */
    int delivered(Collection<String> ids);

    /** Removes every entry whose {@link OutboxEntry#ticketId()} is one of {@code tickets}; returns how many. */
    int discard(Collection<TicketId> tickets);

    /** How many entries are waiting, leased or not (for monitoring and tests). */
    long pending();
}

package dev.tiketti.core.spi;

import dev.tiketti.core.common.TicketId;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The transactional outbox: events and messages of a change are appended in the change's own unit
 * of work and removed once delivered, so a crash between commit and delivery loses nothing and
 * every node sharing the store can deliver what another left behind (at least once). Delivery is
 * tracked per recipient (each listener, the transport): a recipient that took an entry never gets it
 * again, a failing one is retried alone after a back-off, and one that keeps failing is given up
 * ("dead") and the entry parked until an operator retries or discards it.
 *
 * <p>Obligations (checked by {@code OutboxStoreContract} in the testkit):
 * <ul>
 * <li>{@link #append} joins the caller's unit of work ({@link Transactions}): if it rolls back, the
 *     entries are gone with the change; appended entries are leased to {@code owner} for
 *     {@code lease}, so that no other node delivers them while their own node does.</li>
 * <li>{@link #claim} hands out entries that are not leased or whose lease or back-off has expired,
 *     oldest first (in append order), never a parked one; leases them to the claimer and counts the
 *     attempt; returns each with its recorded {@link OutboxEntry#deliveries()}. Concurrent claimers,
 *     also on other nodes, never get the same entry while its lease runs. Leases and back-offs are
 *     measured on one clock for all nodes (the database's, in a database).</li>
 * <li>{@link #reschedule} keeps the {@link OutboxDelivery deliveries} it is given — every field as
 *     given — in place of the entry's earlier ones, and makes the entry claimable again after the
 *     back-off; an entry whose deliveries include a {@link OutboxDelivery.Status#DEAD DEAD} one and no
 *     {@link OutboxDelivery.Status#FAILING FAILING} one is <em>parked</em> instead: never claimed, not
 *     {@link #pending()}, until {@link #retryDead} or {@link #discardDead}.</li>
 * <li>{@link #dead}, {@link #deadCount}, {@link #retryDead} and {@link #discardDead} see every entry with
 *     a dead delivery, parked or not.</li>
 * <li>{@link #delivered} removes entries for good, with their deliveries (idempotent: unknown ids are
 *     ignored); delivered entries are not kept, because payloads may carry personal data (R8).</li>
 * <li>{@link #discard} removes the entries about given tickets — leased, backing off or parked — with
 *     their deliveries: erasure and retention call it so that an event or mail carrying an erased
 *     person's data is neither delivered later nor kept as a dead entry.</li>
 * <li>Thread-safe; never returns null. Arguments are checked as {@link StoreProblems} words them.</li>
 * </ul>
 *
 * @since 0.1
 */
public interface OutboxStore {

    /** Stores entries, within the caller's unit of work, leased to {@code owner} for {@code lease}. */
    void append(List<OutboxEntry> entries, String owner, Duration lease);

    /**
     * Claims up to {@code limit} entries that are not parked and not leased, or whose lease or back-off
     * has expired, oldest first; each returned with its attempt count incremented and its deliveries,
     * leased to {@code owner} for {@code lease}.
     */
    List<OutboxEntry> claim(String owner, Duration lease, int limit);

    /**
     * Records a delivery round of entry {@code id} that did not finish: {@code deliveries} (at most one
     * per recipient, else {@code INCONSISTENT_VALUE}) replace the entry's recorded ones, and the entry
     * can be claimed again {@code retryAfter} from now (zero: at once; negative: {@code INVALID_OPTION_VALUE}),
     * whatever its lease — unless it is parked: it has a {@code DEAD} delivery and no {@code FAILING} one.
     * Returns false, and stores nothing, when no entry has this id (delivered or discarded meanwhile).
     */
    boolean reschedule(String id, List<OutboxDelivery> deliveries, Duration retryAfter);

    /** Up to {@code limit} entries with at least one {@code DEAD} delivery, parked or not, oldest first, with their deliveries. */
    List<OutboxEntry> dead(int limit);

    /** How many {@code DEAD} deliveries there are, over all entries (for monitoring). */
    long deadCount();

    /**
     * Puts the dead deliveries of these entries back ({@link OutboxDelivery#retried()}: {@code FAILING}
     * with 0 failures, error and times kept); a parked entry can be claimed at once, one that is not
     * parked keeps its lease or back-off. Returns how many of the entries had a dead delivery; other
     * ids are ignored.
     */
    int retryDead(Collection<String> ids);

    /**
     * Gives the dead deliveries of these entries up for good ({@link OutboxDelivery#discarded()}:
     * {@code DONE}); an entry left with nothing but {@code DONE} deliveries is removed. Returns how many
     * of the entries had a dead delivery; other ids are ignored.
     */
    int discardDead(Collection<String> ids);

    /** Removes delivered entries and their deliveries; returns how many entries were removed. */
    int delivered(Collection<String> ids);

    /**
     * Removes every entry whose {@link OutboxEntry#ticketId()} is one of {@code tickets}, parked ones
     * included, with their deliveries; returns how many entries.
     */
    int discard(Collection<TicketId> tickets);

    /** How many entries wait to be delivered, leased, backing off or not, but not parked (for monitoring). */
    long pending();
}

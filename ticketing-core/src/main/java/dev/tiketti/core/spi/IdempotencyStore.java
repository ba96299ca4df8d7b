package dev.tiketti.core.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers the idempotency keys of ticket changes, so that a request made again — a mail fetched
 * again after a crash, a call retried because its commit's outcome was unknown, the same message
 * polled by two nodes — changes nothing the second time. Core records the key of an
 * {@code OpenTicket} or {@code NewEntry} in the same unit of work as the change itself.
 *
 * <p>Obligations (checked by {@code IdempotencyStoreContract} in the testkit):
 * <ul>
 * <li>{@link #record} writes in the current unit of work of the storage's {@link Transactions}:
 *     rolled back with the change, visible to other units only after commit.</li>
 * <li>A key is recorded at most once, across threads and nodes: {@link #record} of a key that is
 *     recorded already — committed, or by a concurrent unit of work that then commits — throws a
 *     {@link dev.tiketti.core.common.TicketingException} with code {@code DUPLICATE} or a
 *     {@link dev.tiketti.core.common.ConcurrentUpdateException}, so that the losing unit rolls back
 *     (a database's unique key does exactly this). Core then reads the winner's record.</li>
 * <li>{@link #find} returns what {@link #record} stored, equal in every component (instants to the
 *     microsecond at least).</li>
 * <li>Keys hold no personal data of ours (core builds none; the mail module builds them from the
 *     mailbox name and the Message-ID or a digest), so they are not part of erasure; old keys are
 *     dropped by {@link #purgeRecordedBefore}.</li>
 * <li>Thread-safe; never returns null.</li>
 * </ul>
 *
 * @since 0.1
 */
public interface IdempotencyStore {

    /** The record of {@code key}, if a committed (or this unit's own) change recorded it. */
    Optional<IdempotentChange> find(String key);

    /** Records a change's key in the current unit of work; fails if the key is recorded already. */
    void record(IdempotentChange change);

    /** Forgets the keys recorded before {@code instant}; returns how many. */
    int purgeRecordedBefore(Instant instant);
}

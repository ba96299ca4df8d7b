package dev.tiketti.core.spi;

import java.util.function.Supplier;

/**
 * Runs a unit of work atomically across the stores. A JPA adapter joins the host's transaction
 * or starts its own; the in-memory stores need none ({@link #none()}).
 *
 * <p>Obligations, checked by the testkit's {@code TransactionsContract} (run for a whole storage by
 * {@code StorageContract}): if {@code work} throws, nothing it wrote through transactional stores
 * remains, and the exception reaches the caller unchanged (the same instance, also for an
 * {@code Error}); a unit started inside another joins it; other threads do not see a unit's writes
 * before it commits; {@link #afterCommit} work runs after the outermost commit and never after a
 * rollback.
 *
 * <p>Tiketti delivers events and messages after the commit of the outermost unit of work it
 * started. When the host runs several {@code Ticketing} calls in a unit of work of its own, only the
 * adapter can tell when that unit commits: an adapter that can observe its commits overrides
 * {@link #afterCommit}, and delivery then waits for the host's commit (and is dropped on rollback).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code action} once the unit of work the current thread is in has committed, not at all
     * if it rolls back, and at once when the thread is in none. The default runs it at once, which
     * is right for adapters whose every {@link #inTransaction} is its own commit; an adapter whose
     * units can be joined by an outer one (the host's) overrides it, e.g. with a JTA
     * {@code Synchronization} or Spring's {@code TransactionSynchronization}. A failing action
     * must not undo the committed unit.
     *
     * @since 0.1
     */
    default void afterCommit(Runnable action) {
        action.run();
    }

    /**
     * For stores that are atomic per call and need no transaction: runs the work as it is. Always
     * the same instance, so a bundle's {@code transactions() == Transactions.none()} says that it
     * has no units of work.
     */
    static Transactions none() {
        return NoTransactions.INSTANCE;
    }
}

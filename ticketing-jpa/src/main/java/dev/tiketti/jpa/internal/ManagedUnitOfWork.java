package dev.tiketti.jpa.internal;

import dev.tiketti.core.common.ConcurrentUpdateException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The host owns transactions and EntityManagers (JTA, or a framework's transaction-scoped
 * EntityManager): every store call uses the EntityManager the host supplies for the current
 * transaction.
 */
public final class ManagedUnitOfWork implements EntityManagers {
    private final Supplier<EntityManager> current;

    public ManagedUnitOfWork(Supplier<EntityManager> current) {
        this.current = current;
    }

    @Override
    public <T> T call(String what, Function<EntityManager, T> work) {
        try {
            return work.apply(current.get());
        } catch (PersistenceException e) {
            throw Failures.translate(e, what);
        }
    }

    /** Commits of the host's transactions are not observed here: nothing is deferred, nothing cached. */
    @Override
    public void afterCommit(Runnable action) {
        // dropped on purpose
    }

    /**
     * The host's transaction cannot be suspended portably; the work joins it. So a unique violation
     * (another transaction created the same row at the same moment) cannot be recovered from here:
     * the failed row stays in the persistence context, and PostgreSQL aborts the transaction. It is
     * reported as retryable, since running the host's unit of work again finds the row committed.
     */
    @Override
    public <T> T callSeparately(String what, Function<EntityManager, T> work) {
        try {
            return work.apply(current.get());
        } catch (PersistenceException e) {
            if (Failures.isUniqueViolation(e)) {
                throw new ConcurrentUpdateException(Character.toUpperCase(what.charAt(0)) + what.substring(1)
                        + " conflicted with a concurrent transaction that created the same row (SQL state 23505)."
                        + " The host's transaction, which this work joined, cannot continue: roll it back (nothing of"
                        + " it is kept) and run the unit of work again.", Failures.scrubbed(e));
            }
            throw Failures.translate(e, what);
        }
    }
}

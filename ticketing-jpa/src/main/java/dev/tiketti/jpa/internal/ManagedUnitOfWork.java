package dev.tiketti.jpa.internal;

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

    /** The host's transaction cannot be suspended portably; the work joins it. */
    @Override
    public <T> T callSeparately(String what, Function<EntityManager, T> work) {
        return call(what, work);
    }
}

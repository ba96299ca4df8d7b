package dev.tiketti.jpa.internal;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.spi.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resource-local transactions with a thread-bound EntityManager: the outermost
 * {@link #inTransaction} opens an EntityManager and a transaction, nested calls join them, and
 * every store called on that thread meanwhile uses the same EntityManager. A store called outside
 * any unit of work runs in a short transaction of its own.
 */
public final class ResourceLocalUnitOfWork implements Transactions, EntityManagers {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceLocalUnitOfWork.class);

    private final EntityManagerFactory emf;
    private final ThreadLocal<@Nullable EntityManager> current = new ThreadLocal<>();
    private final ThreadLocal<@Nullable List<Runnable>> afterCommit = new ThreadLocal<>();

    public ResourceLocalUnitOfWork(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        EntityManager joined = current.get();
        if (joined != null) {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                // The outer unit must not commit half of this work, even if its caller catches e.
                markRollbackOnly(joined);
                throw e;
            }
        }
        return outermost(work);
    }

    private <T> T outermost(Supplier<T> work) {
        EntityManager em;
        try {
            em = emf.createEntityManager();
        } catch (PersistenceException e) {
            throw Failures.translate(e, "starting a unit of work");
        }
        EntityTransaction tx;
        try {
            tx = em.getTransaction();
            tx.begin(); // takes a connection: fails here when the database is down
        } catch (PersistenceException e) {
            em.close();
            throw Failures.translate(e, "starting a transaction");
        }
        current.set(em);
        List<Runnable> callbacks = new ArrayList<>();
        afterCommit.set(callbacks);
        T result;
        try {
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(tx, e);
                throw e; // unchanged, as Transactions promises
            }
            if (tx.getRollbackOnly()) {
                rollbackQuietly(tx, null);
                throw new TicketingException(ErrorCode.TRANSACTION_ROLLED_BACK, "The unit of work was rolled back "
                        + "because work joined to it failed and its exception was caught. Nothing was written. "
                        + "Let the inner exception propagate, or run the inner work in its own unit of work.");
            }
            try {
                tx.commit();
            } catch (RuntimeException e) {
                rollbackQuietly(tx, e);
                throw Failures.translate(e, "committing the unit of work");
            }
        } finally {
            current.remove();
            afterCommit.remove();
            em.close();
        }
        // Outside the finished unit: an action that calls a store (e.g. marking outbox entries
        // delivered) runs in a unit of its own instead of joining the committed one.
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.warn("An after-commit action failed; the unit of work stands", e);
            }
        }
        return result;
    }

    @Override
    public <T> T call(String what, Function<EntityManager, T> work) {
        EntityManager joined = current.get();
        if (joined != null) {
            try {
                return work.apply(joined);
            } catch (PersistenceException e) {
                markRollbackOnly(joined);
                throw Failures.translate(e, what);
            }
        }
        return inTransaction(() -> call(what, work));
    }

    /**
     * After the commit of the outermost unit of work on this thread (the host's, when it opened one
     * around Tiketti's calls); at once outside any; never when it rolls back.
     */
    @Override
    public void afterCommit(Runnable action) {
        List<Runnable> callbacks = afterCommit.get();
        if (callbacks != null) {
            callbacks.add(action);
        } else {
            action.run();
        }
    }

    @Override
    public <T> T callSeparately(String what, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (PersistenceException e) {
            rollbackQuietly(tx, e);
            throw Failures.translate(e, what);
        } catch (RuntimeException e) {
            rollbackQuietly(tx, e);
            throw e;
        } finally {
            em.close();
        }
    }

    private static void markRollbackOnly(EntityManager em) {
        try {
            EntityTransaction tx = em.getTransaction();
            if (tx.isActive()) {
                tx.setRollbackOnly();
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not mark the transaction rollback-only", e);
        }
    }

    private static void rollbackQuietly(EntityTransaction tx, @Nullable Throwable cause) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                LOG.warn("Rolling back a unit of work failed", e);
            }
        }
    }
}

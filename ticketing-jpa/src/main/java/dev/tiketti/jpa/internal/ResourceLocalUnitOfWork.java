package dev.tiketti.jpa.internal;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.StorageUnavailableException;
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
    private final ThreadLocal<@Nullable Unit> current = new ThreadLocal<>();

    /** The outermost unit of work running on a thread. */
    private static final class Unit {
        final EntityManager em;
        final List<Runnable> afterCommit = new ArrayList<>();
        /** The first failure of work joined to this unit (its caller may have caught it). */
        @Nullable TicketingException firstFailure;

        Unit(EntityManager em) {
            this.em = em;
        }

        void failed(TicketingException e) {
            if (firstFailure == null) {
                firstFailure = e;
            }
        }
    }

    public ResourceLocalUnitOfWork(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Unit joined = current.get();
        if (joined != null) {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                // The outer unit must not commit half of this work, even if its caller catches e.
                markRollbackOnly(joined.em);
                if (e instanceof TicketingException t) {
                    joined.failed(t);
                }
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
            throw Failures.translateStart(e, "starting a unit of work");
        }
        EntityTransaction tx;
        try {
            tx = em.getTransaction();
            tx.begin(); // takes a connection: fails here when the database is down or the pool closed
        } catch (PersistenceException e) {
            em.close();
            throw Failures.translateStart(e, "starting a transaction");
        }
        Unit unit = new Unit(em);
        current.set(unit);
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
                throw caughtFailure(unit.firstFailure);
            }
            try {
                tx.commit();
            } catch (RuntimeException e) {
                rollbackQuietly(tx, e);
                throw Failures.translateCommit(e, "committing the unit of work");
            }
        } finally {
            current.remove();
            em.close();
        }
        // Outside the finished unit: an action that calls a store (e.g. marking outbox entries
        // delivered) runs in a unit of its own instead of joining the committed one.
        for (Runnable callback : unit.afterCommit) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.warn("An after-commit action failed; the unit of work stands", e);
            }
        }
        return result;
    }

    /**
     * The unit ends without an exception but was marked rollback-only: work joined to it failed and
     * its caller caught the exception. If that was the database going away, the unit failed for the
     * same reason, and says so (retryable, with the failure as its cause).
     */
    private static TicketingException caughtFailure(@Nullable TicketingException first) {
        if (first instanceof StorageUnavailableException) {
            return new StorageUnavailableException("The unit of work was rolled back: work joined to it lost the"
                    + " database and its exception was caught (see the cause). Nothing was written; retry later.", first);
        }
        String message = "The unit of work was rolled back because work joined to it failed and its exception was"
                + " caught" + (first == null ? "" : " (see the cause)") + ". Nothing was written. Let the inner"
                + " exception propagate, or run the inner work in its own unit of work.";
        return first == null ? new TicketingException(ErrorCode.TRANSACTION_ROLLED_BACK, message)
                : new TicketingException(ErrorCode.TRANSACTION_ROLLED_BACK, message, first);
    }

    @Override
    public <T> T call(String what, Function<EntityManager, T> work) {
        Unit joined = current.get();
        if (joined != null) {
            try {
                return work.apply(joined.em);
            } catch (PersistenceException e) {
                markRollbackOnly(joined.em);
                TicketingException translated = Failures.translate(e, what);
                joined.failed(translated);
                throw translated;
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
        Unit unit = current.get();
        if (unit != null) {
            unit.afterCommit.add(action);
        } else {
            action.run();
        }
    }

    @Override
    public <T> T callSeparately(String what, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            EntityTransaction tx = em.getTransaction();
            try {
                tx.begin();
            } catch (PersistenceException e) {
                throw Failures.translateStart(e, what);
            }
            try {
                T result = work.apply(em);
                tx.commit();
                return result;
            } catch (PersistenceException e) {
                rollbackQuietly(tx, e);
                throw Failures.translate(e, what);
            } catch (RuntimeException e) {
                rollbackQuietly(tx, e);
                throw e;
            }
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
            // Expected when the connection died: the server has rolled the transaction back already.
            if (cause != null) {
                cause.addSuppressed(Failures.scrubbed(e));
            } else {
                LOG.warn("Rolling back a unit of work failed", e);
            }
        }
    }
}

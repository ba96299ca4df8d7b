package dev.tiketti.jpa.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads one row by its primary key, with a query instead of {@link EntityManager#find}: the only
 * way the adapter reads by key (issue #20).
 *
 * <p>Why not {@code find}: Hibernate's {@code SessionImpl.find} (7.4) does not throw when the
 * read fails with a {@code GenericJDBCException} or a {@code JDBCConnectionException} inside a
 * transaction marked rollback-only; it logs the failure (HHH90010102, with the driver's message)
 * and returns {@code null}, a workaround for an application-server quirk (HHH-12472). On
 * PostgreSQL the transaction is always marked by then: {@code PostgreSQLDialect.causesRollback} is
 * true for every SQLException, and the JDBC coordinator marks the transaction as soon as the
 * statement fails. So when the server went away (57P01, which Hibernate classifies as generic) or
 * a pooled connection was dead (08xxx), a read by key came back as "no such row": an existing
 * ticket was reported as not found (TKT-0101), and a read outside a unit of work ended in a
 * TKT-0612 without a cause, as the unit found itself rolled back with no exception. A query
 * reports the failure as an exception on every database and every persistence provider.
 *
 * <p>Like {@code find}, the result is the managed instance (the one already in the persistence
 * context, if any); unlike it, a query always runs its statement.
 */
final class Rows {
    private static final Map<Class<?>, String> BY_KEY = new ConcurrentHashMap<>();

    private Rows() {
    }

    /** The row of {@code type} with primary key {@code id}, managed, or null if there is none. */
    static <E> @Nullable E find(EntityManager em, Class<E> type, Object id) {
        return first(em.createQuery(byKey(em, type), type).setParameter("id", id).getResultList());
    }

    /** The same, locked for update until the unit of work ends ({@code SELECT ... FOR UPDATE}). */
    static <E> @Nullable E findForUpdate(EntityManager em, Class<E> type, Object id) {
        return first(em.createQuery(byKey(em, type), type).setParameter("id", id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
    }

    private static <E> @Nullable E first(List<E> rows) {
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static String byKey(EntityManager em, Class<?> type) {
        return BY_KEY.computeIfAbsent(type, t -> {
            EntityType<?> entity = em.getMetamodel().entity(t);
            String key = entity.getSingularAttributes().stream().filter(SingularAttribute::isId)
                    .map(SingularAttribute::getName).findFirst()
                    .orElseThrow(() -> new IllegalStateException(entity.getName() + " has no single id attribute"));
            return "SELECT e FROM " + entity.getName() + " e WHERE e." + key + " = :id";
        });
    }
}

package dev.tiketti.jpa.internal;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the stores get an {@link EntityManager}: the one of the unit of work running on this
 * thread, or a short transaction of their own when called outside one.
 */
public interface EntityManagers {

    /**
     * Runs {@code work} with the current unit of work's EntityManager (or in a new short
     * transaction); database failures are translated for {@code what} (a phrase naming the operation).
     */
    <T> T call(String what, Function<EntityManager, T> work);

    /**
     * Reads one entity by its id through {@link #call} (with a query: {@link Rows} says why not
     * {@code EntityManager.find}), detached so that nothing done to it is written back, and maps it
     * to a value; empty if there is no such row, an exception if the read failed.
     */
    default <E, T> Optional<T> find(String what, Class<E> type, Object id, Function<E, T> toValue) {
        return call(what, em -> {
            E e = Rows.find(em, type, id);
            if (e == null) {
                return Optional.empty();
            }
            em.detach(e);
            return Optional.of(toValue.apply(e));
        });
    }

    /**
     * Runs {@code work} in a transaction of its own that commits at once, even inside a unit of
     * work: for rows whose creation may race with another node (a failed insert must not spoil
     * the caller's transaction).
     */
    <T> T callSeparately(String what, Function<EntityManager, T> work);

    /**
     * Runs {@code action} once the current unit of work has committed (never if it rolls back);
     * for caching values that are only safe to share once committed. Call from inside
     * {@link #call}. Where commits cannot be observed (a host's own transactions) the action is
     * dropped, so nothing is cached.
     */
    void afterCommit(Runnable action);
}

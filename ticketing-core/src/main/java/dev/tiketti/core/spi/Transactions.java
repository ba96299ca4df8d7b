package dev.tiketti.core.spi;

import java.util.function.Supplier;

/**
 * Runs a unit of work atomically across the stores. A JPA adapter joins the host's transaction
 * or starts its own; the in-memory stores need none ({@link #none()}).
 *
 * <p>Obligation: if {@code work} throws, nothing it wrote through transactional stores remains,
 * and the exception reaches the caller unchanged.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    /** For stores that are atomic per call and need no transaction. */
    static Transactions none() {
        return new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        };
    }
}

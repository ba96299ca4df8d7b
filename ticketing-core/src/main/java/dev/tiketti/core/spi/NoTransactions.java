package dev.tiketti.core.spi;

import java.util.function.Supplier;

/** {@link Transactions#none()}: one shared instance that runs each unit of work as it is. */
enum NoTransactions implements Transactions {
    INSTANCE;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}

package dev.tiketti.core.internal;

import dev.tiketti.core.spi.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The host's {@link Transactions}, wrapped so that core knows when the outermost unit of work it
 * started on this thread has ended: work to do "after commit" ({@link #afterCommit}) waits for it,
 * runs if it returned normally and is dropped if it threw (its writes, outbox entries included, were
 * rolled back). This is what keeps, e.g., a timer handler's events from being delivered before the
 * timer service's own unit of work around it commits. A unit of work the host opened around the
 * call is the adapter's to see: when core's outermost unit ends, the actions are handed to the
 * adapter's {@link Transactions#afterCommit}, which runs them at once (the default) or after the
 * host's commit.
 */
public final class TrackedTransactions implements Transactions {
    private final Transactions delegate;
    private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();

    public TrackedTransactions(Transactions delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (pending.get() != null) {
            return delegate.inTransaction(work); // joins the outer unit of work
        }
        List<Runnable> after = new ArrayList<>();
        pending.set(after);
        T result;
        try {
            result = delegate.inTransaction(work);
        } finally {
            pending.remove();
        }
        if (!after.isEmpty()) {
            delegate.afterCommit(() -> after.forEach(Runnable::run));
        }
        return result;
    }

    /**
     * Runs {@code action} after the outermost unit of work core started on this thread returns
     * normally, or — outside one — when the adapter says the host's unit (if any) has committed.
     */
    @Override
    public void afterCommit(Runnable action) {
        List<Runnable> after = pending.get();
        if (after == null) {
            delegate.afterCommit(action);
        } else {
            after.add(action);
        }
    }
}

package dev.tiketti.core.timer;

import dev.tiketti.core.sla.ClaimedTimer;
import dev.tiketti.core.sla.TimerId;
import dev.tiketti.core.sla.TimerKind;
import dev.tiketti.core.sla.TimerRequest;
import dev.tiketti.core.sla.ScheduledTimer;
import dev.tiketti.core.spi.TimerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A TimerStore that forwards every call, for tests that watch or break one operation. */
class DelegatingTimerStore implements TimerStore {
    private final TimerStore delegate;

    DelegatingTimerStore(TimerStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void schedule(TimerRequest request) {
        delegate.schedule(request);
    }

    @Override
    public boolean cancel(TimerId id) {
        return delegate.cancel(id);
    }

    @Override
    public List<ClaimedTimer> claimDue(Collection<TimerKind> kinds, Instant dueAtOrBefore, String owner,
                                       Duration lease, int limit) {
        return delegate.claimDue(kinds, dueAtOrBefore, owner, lease, limit);
    }

    @Override
    public boolean complete(ClaimedTimer claim) {
        return delegate.complete(claim);
    }

    @Override
    public boolean release(ClaimedTimer claim, Duration retryAfter) {
        return delegate.release(claim, retryAfter);
    }

    @Override
    public Optional<ScheduledTimer> find(TimerId id) {
        return delegate.find(id);
    }

    @Override
    public List<ScheduledTimer> pending(int limit) {
        return delegate.pending(limit);
    }
}

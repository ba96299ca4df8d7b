package dev.tiketti.core.inmemory;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.sla.ClaimedTimer;
import dev.tiketti.core.sla.ScheduledTimer;
import dev.tiketti.core.sla.TimerId;
import dev.tiketti.core.sla.TimerKind;
import dev.tiketti.core.sla.TimerRequest;
import dev.tiketti.core.sla.TimerState;
import dev.tiketti.core.spi.StoreProblems;
import dev.tiketti.core.spi.TimerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reference {@link TimerStore} in memory: one lock makes every operation atomic, so concurrent
 * claimers (threads, or several {@code TimerService}s sharing this instance) never get the same
 * timer under an unexpired lease. Leases and back-offs are measured on the injected clock.
 * Nothing survives a restart; use a database-backed store when timers must.
 *
 * @since 0.1
 */
public final class InMemoryTimerStore implements TimerStore {
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::due)
            .thenComparing(k -> k.id().kind().name())
            .thenComparing(k -> k.id().subject());

    private final Clock clock;
    private final Object lock = new Object();
    private final Map<TimerId, Entry> entries = new HashMap<>();
    /** Timers not fired yet, in claim order; held ones stay in and are skipped. */
    private final NavigableSet<Key> unfired = new TreeSet<>(ORDER);
    private long lastToken;

    /** A store whose leases and back-offs run on {@code clock}. */
    public InMemoryTimerStore(Clock clock) {
        this.clock = Require.nonNull(clock, "clock");
    }

    @Override
    public void schedule(TimerRequest request) {
        Require.nonNull(request, "timer request");
        synchronized (lock) {
            Entry entry = entries.get(request.id());
            if (entry == null) {
                entry = new Entry(request.id(), request.due());
                entries.put(request.id(), entry);
                unfired.add(entry.key());
                return;
            }
            if (entry.due.equals(request.due())) {
                return;
            }
            if (!entry.fired) {
                unfired.remove(entry.key());
            }
            entry.due = request.due();
            entry.fired = false;
            entry.attempts = 0;
            entry.owner = null;
            entry.heldUntil = null;
            unfired.add(entry.key());
        }
    }

    @Override
    public boolean cancel(TimerId id) {
        Require.nonNull(id, "timer id");
        synchronized (lock) {
            Entry entry = entries.remove(id);
            if (entry == null) {
                return false;
            }
            if (!entry.fired) {
                unfired.remove(entry.key());
            }
            return !entry.fired;
        }
    }

    @Override
    public List<ClaimedTimer> claimDue(Collection<TimerKind> kinds, Instant dueAtOrBefore, String owner,
                                       Duration lease, int limit) {
        Require.nonNull(kinds, "kinds");
        kinds.forEach(kind -> Require.nonNull(kind, "timer kind"));
        Set<TimerKind> wanted = Set.copyOf(kinds);
        Require.nonNull(dueAtOrBefore, "due at or before");
        Require.notBlank(owner, "owner");
        Require.nonNull(lease, "lease");
        if (lease.isZero() || lease.isNegative()) {
            throw StoreProblems.timerLease(lease);
        }
        if (limit < 1) {
            throw StoreProblems.timerClaimLimit(limit);
        }
        List<ClaimedTimer> claimed = new ArrayList<>();
        if (wanted.isEmpty()) {
            return claimed;
        }
        synchronized (lock) {
            Instant now = clock.instant();
            Instant expiry = now.plus(lease);
            for (Key key : unfired) {
                if (key.due().isAfter(dueAtOrBefore) || claimed.size() == limit) {
                    break;
                }
                Entry entry = entries.get(key.id());
                if (!wanted.contains(key.id().kind()) || entry.isHeldAt(now)) {
                    continue;
                }
                entry.owner = owner;
                entry.heldUntil = expiry;
                entry.token = ++lastToken;
                entry.attempts++;
                claimed.add(new ClaimedTimer(entry.id, entry.due, owner, expiry, entry.token, entry.attempts));
            }
        }
        return claimed;
    }

    @Override
    public boolean complete(ClaimedTimer claim) {
        Require.nonNull(claim, "claim");
        synchronized (lock) {
            Entry entry = currentClaim(claim);
            if (entry == null) {
                return false;
            }
            unfired.remove(entry.key());
            entry.fired = true;
            entry.owner = null;
            entry.heldUntil = null;
            return true;
        }
    }

    @Override
    public boolean release(ClaimedTimer claim, Duration retryAfter) {
        Require.nonNull(claim, "claim");
        Require.nonNull(retryAfter, "retry after");
        if (retryAfter.isNegative()) {
            throw StoreProblems.timerRetryBackoff(retryAfter);
        }
        synchronized (lock) {
            Entry entry = currentClaim(claim);
            if (entry == null) {
                return false;
            }
            entry.owner = null;
            entry.heldUntil = retryAfter.isZero() ? null : clock.instant().plus(retryAfter);
            return true;
        }
    }

    @Override
    public Optional<ScheduledTimer> find(TimerId id) {
        Require.nonNull(id, "timer id");
        synchronized (lock) {
            Entry entry = entries.get(id);
            return entry == null ? Optional.empty() : Optional.of(entry.snapshot(clock.instant()));
        }
    }

    @Override
    public List<ScheduledTimer> pending(int limit) {
        if (limit < 1) {
            throw StoreProblems.timerListLimit(limit);
        }
        synchronized (lock) {
            Instant now = clock.instant();
            List<ScheduledTimer> result = new ArrayList<>(Math.min(limit, unfired.size()));
            for (Key key : unfired) {
                if (result.size() == limit) {
                    break;
                }
                result.add(entries.get(key.id()).snapshot(now));
            }
            return result;
        }
    }

    private Entry currentClaim(ClaimedTimer claim) {
        Entry entry = entries.get(claim.id());
        if (entry == null || entry.fired || entry.owner == null || entry.token != claim.fencingToken()
                || !entry.owner.equals(claim.owner()) || !entry.due.equals(claim.due())) {
            return null;
        }
        return entry;
    }

    private record Key(Instant due, TimerId id) {
    }

    /** Mutable state of one timer; guarded by {@code lock}. */
    private static final class Entry {
        final TimerId id;
        Instant due;
        boolean fired;
        String owner;
        Instant heldUntil;
        long token;
        int attempts;

        Entry(TimerId id, Instant due) {
            this.id = id;
            this.due = due;
        }

        Key key() {
            return new Key(due, id);
        }

        boolean isHeldAt(Instant now) {
            return heldUntil != null && heldUntil.isAfter(now);
        }

        ScheduledTimer snapshot(Instant now) {
            boolean held = isHeldAt(now);
            TimerState state = fired ? TimerState.FIRED
                    : held && owner != null ? TimerState.CLAIMED : TimerState.PENDING;
            return new ScheduledTimer(id, due, state,
                    state == TimerState.CLAIMED ? Optional.of(owner) : Optional.empty(),
                    held && !fired ? Optional.of(heldUntil) : Optional.empty(), attempts);
        }
    }
}

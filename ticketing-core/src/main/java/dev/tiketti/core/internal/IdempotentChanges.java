package dev.tiketti.core.internal;

import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.spi.IdempotencyStore;
import dev.tiketti.core.spi.IdempotentChange;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Makes a keyed change happen once. Across nodes the store's unique key decides (the loser's unit
 * of work rolls back and it reads the winner's record); within this process, changes with the same
 * key are also serialised, so that stores without units of work (in memory) never apply a change
 * whose key then fails to record. Not API.
 */
public final class IdempotentChanges {
    private static final int STRIPES = 64;
    private final Optional<IdempotencyStore> store;
    private final Clock clock;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public IdempotentChanges(Optional<IdempotencyStore> store, Clock clock) {
        this.store = store;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * The result of the change recorded under {@code key} ({@code replay} of its record), or else
     * the result of {@code work}, which must {@link #record} the key in its unit of work.
     */
    public <T> T once(String key, Function<IdempotentChange, T> replay, Supplier<T> work) {
        IdempotencyStore keys = store.orElseThrow(TicketProblems::idempotencyUnsupported);
        ReentrantLock lock = locks[Math.floorMod(key.hashCode(), STRIPES)];
        lock.lock();
        try {
            Optional<IdempotentChange> done = keys.find(key);
            if (done.isPresent()) {
                return replay.apply(done.get());
            }
            try {
                return work.get();
            } catch (TicketingException e) {
                if (!(e instanceof ConcurrentUpdateException) && e.code() != ErrorCode.DUPLICATE) {
                    throw e;
                }
                return replayOrRethrow(keys, key, replay, e);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Another node recorded the key first, and its change committed: that is the result. */
    private static <T> T replayOrRethrow(IdempotencyStore keys, String key, Function<IdempotentChange, T> replay,
                                         TicketingException lost) {
        Optional<IdempotentChange> winner = keys.find(key);
        if (winner.isEmpty()) {
            throw lost;
        }
        return replay.apply(winner.get());
    }

    /** Records {@code key} for the change being made, in the current unit of work. */
    public void record(String key, TicketId ticket, Optional<UUID> entry) {
        store.orElseThrow(TicketProblems::idempotencyUnsupported)
                .record(new IdempotentChange(key, ticket, entry, clock.instant()));
    }
}

package dev.tiketti.core.inmemory;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.spi.IdempotencyStore;
import dev.tiketti.core.spi.IdempotentChange;
import dev.tiketti.core.spi.StoreProblems;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Idempotency keys in memory: the reference {@link IdempotencyStore}. Atomic per call (the
 * in-memory stores have no units of work), thread-safe; nothing survives the process.
 *
 * @since 0.1
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private final ConcurrentMap<String, IdempotentChange> changes = new ConcurrentHashMap<>();

    @Override
    public Optional<IdempotentChange> find(String key) {
        return Optional.ofNullable(changes.get(Require.notBlank(key, "idempotency key")));
    }

    @Override
    public void record(IdempotentChange change) {
        Require.nonNull(change, "idempotent change");
        if (changes.putIfAbsent(change.key(), change) != null) {
            throw StoreProblems.idempotencyKeyRecorded(null);
        }
    }

    @Override
    public int purgeRecordedBefore(Instant instant) {
        Require.nonNull(instant, "instant");
        int before = changes.size();
        changes.values().removeIf(c -> c.recordedAt().isBefore(instant));
        return before - changes.size();
    }
}

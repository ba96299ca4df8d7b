package dev.tiketti.mail.internal;

import dev.tiketti.core.common.Require;
import dev.tiketti.mail.LoopBrakeStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** The loop brake's counts in memory, one queue of send times per address. Not API. */
public final class InMemoryLoopBrakeStore implements LoopBrakeStore {
    private final Map<String, Deque<Instant>> sent = new HashMap<>();

    @Override
    public synchronized void record(String address, Instant at) {
        Require.notBlank(address, "address");
        Require.nonNull(at, "at");
        sent.computeIfAbsent(address, a -> new ArrayDeque<>()).add(at);
    }

    @Override
    public synchronized int count(String address, Instant since) {
        Require.notBlank(address, "address");
        Require.nonNull(since, "since");
        Deque<Instant> times = sent.get(address);
        return times == null ? 0 : (int) times.stream().filter(t -> !t.isBefore(since)).count();
    }

    @Override
    public synchronized int forget(String address) {
        Require.notBlank(address, "address");
        Deque<Instant> times = sent.remove(address);
        return times == null ? 0 : times.size();
    }

    @Override
    public synchronized int purgeBefore(Instant before) {
        Require.nonNull(before, "before");
        int removed = 0;
        for (Iterator<Deque<Instant>> it = sent.values().iterator(); it.hasNext(); ) {
            Deque<Instant> times = it.next();
            int size = times.size();
            times.removeIf(t -> t.isBefore(before));
            removed += size - times.size();
            if (times.isEmpty()) {
                it.remove();
            }
        }
        return removed;
    }
}

package dev.tiketti.core.inmemory;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.spi.ChangeLog;
import dev.tiketti.core.spi.LoggedChange;
import dev.tiketti.core.spi.StoreProblems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The change log in memory: the reference {@link ChangeLog}, for several {@code Ticketing}
 * instances on one {@link InMemoryStorage} (nodes in a test). Atomic per call, thread-safe; keeps
 * at most {@value #MAX_ENTRIES} entries (older ones are dropped, and a follower that had not read
 * them rebuilds).
 *
 * @since 0.1
 */
public final class InMemoryChangeLog implements ChangeLog {
    /** The most entries kept; the oldest go first. */
    public static final int MAX_ENTRIES = 100_000;
    private final TreeMap<Long, LoggedChange> entries = new TreeMap<>();
    private long head;

    @Override
    public synchronized void append(Collection<TicketId> tickets, LoggedChange.Kind kind, Instant at) {
        Require.nonNull(tickets, "tickets");
        Require.nonNull(kind, "kind");
        Require.nonNull(at, "at");
        for (TicketId t : tickets) {
            head++;
            entries.put(head, new LoggedChange(head, Require.nonNull(t, "ticket id"), kind, at));
        }
        while (entries.size() > MAX_ENTRIES) {
            entries.pollFirstEntry();
        }
    }

    @Override
    public synchronized List<LoggedChange> after(long position, int limit) {
        Require.argument(limit >= 1, () -> StoreProblems.changeLogLimit(limit));
        List<LoggedChange> found = new ArrayList<>();
        for (LoggedChange c : entries.tailMap(position, false).values()) {
            if (found.size() == limit) {
                break;
            }
            found.add(c);
        }
        return found;
    }

    @Override
    public synchronized OptionalLong oldest() {
        return entries.isEmpty() ? OptionalLong.empty() : OptionalLong.of(entries.firstKey());
    }

    @Override
    public synchronized long head() {
        return head;
    }

    @Override
    public synchronized int truncateBefore(Instant instant) {
        Require.nonNull(instant, "instant");
        int before = entries.size();
        entries.values().removeIf(c -> c.at().isBefore(instant));
        return before - entries.size();
    }
}

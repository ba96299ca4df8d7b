package dev.tiketti.core.inmemory;

import dev.tiketti.core.spi.StoreProblems;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.spi.OutboxEntry;
import dev.tiketti.core.spi.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reference {@link OutboxStore} in memory: one lock makes every call atomic, entries are kept in
 * append order, and leases are measured on the injected clock. It proves the contract and serves
 * tests; nothing survives a restart, so it gives no durability of its own — use a database-backed
 * store (e.g. {@code JpaStorage.outboxStore()}) where that is the point.
 *
 * @since 0.1
 */
public final class InMemoryOutboxStore implements OutboxStore {
    private final Clock clock;
    private final Map<String, Leased> entries = new LinkedHashMap<>();

    private record Leased(OutboxEntry entry, String owner, Instant until) {
    }

    public InMemoryOutboxStore(Clock clock) {
        this.clock = Require.nonNull(clock, "clock");
    }

    @Override
    public synchronized void append(List<OutboxEntry> newEntries, String owner, Duration lease) {
        Require.nonNull(newEntries, "entries");
        Require.notBlank(owner, "owner");
        requirePositive(lease);
        Set<String> ids = new HashSet<>();
        for (OutboxEntry e : newEntries) {
            Require.nonNull(e, "outbox entry");
            Require.argument(!entries.containsKey(e.id()) && ids.add(e.id()),
                    () -> StoreProblems.outboxEntryAppendedTwice(e.id()));
        }
        Instant until = clock.instant().plus(lease);
        newEntries.forEach(e -> entries.put(e.id(), new Leased(e, owner, until)));
    }

    @Override
    public synchronized List<OutboxEntry> claim(String owner, Duration lease, int limit) {
        Require.notBlank(owner, "owner");
        requirePositive(lease);
        Require.argument(limit >= 1, () -> StoreProblems.outboxClaimLimit(limit));
        Instant now = clock.instant();
        List<OutboxEntry> claimed = new ArrayList<>();
        for (Map.Entry<String, Leased> e : entries.entrySet()) {
            if (claimed.size() == limit) {
                break;
            }
            if (!e.getValue().until().isAfter(now)) {
                OutboxEntry next = e.getValue().entry().nextAttempt();
                e.setValue(new Leased(next, owner, now.plus(lease)));
                claimed.add(next);
            }
        }
        return List.copyOf(claimed);
    }

    @Override
    public synchronized int delivered(Collection<String> ids) {
        Require.nonNull(ids, "ids");
        int removed = 0;
        for (String id : ids) {
            if (entries.remove(Require.nonNull(id, "id")) != null) {
                removed++;
            }
        }
        return removed;
    }

    @Override
    public synchronized int discard(Collection<TicketId> tickets) {
        Require.nonNull(tickets, "tickets");
        int before = entries.size();
        entries.values().removeIf(l -> l.entry().ticketId().map(tickets::contains).orElse(false));
        return before - entries.size();
    }

    @Override
    public synchronized long pending() {
        return entries.size();
    }

    private static void requirePositive(Duration lease) {
        Require.nonNull(lease, "lease");
        Require.argument(!lease.isZero() && !lease.isNegative(), () -> StoreProblems.outboxLease(lease));
    }
}

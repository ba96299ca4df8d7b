package dev.tiketti.core.inmemory;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.spi.OutboxDelivery;
import dev.tiketti.core.spi.OutboxEntry;
import dev.tiketti.core.spi.OutboxStore;
import dev.tiketti.core.spi.StoreProblems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reference {@link OutboxStore} in memory: one lock makes every call atomic, entries are kept in
 * append order with their deliveries, and leases and back-offs are measured on the injected clock.
 * It proves the contract and serves tests; nothing survives a restart, so it gives no durability of
 * its own — use a database-backed store (e.g. {@code JpaStorage.outboxStore()}) where that is the point.
 *
 * @since 0.1
 */
public final class InMemoryOutboxStore implements OutboxStore {
    private final Clock clock;
    private final Map<String, Held> entries = new LinkedHashMap<>();

    /** An entry, its owner and until when it is held; {@code until} empty: parked. */
    private record Held(OutboxEntry entry, String owner, Optional<Instant> until) {
        boolean parked() {
            return until.isEmpty();
        }

        boolean hasDead() {
            return entry.deliveries().stream().anyMatch(OutboxDelivery::isDead);
        }
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
        Optional<Instant> until = Optional.of(clock.instant().plus(lease));
        newEntries.forEach(e -> entries.put(e.id(), new Held(e, owner, until)));
    }

    @Override
    public synchronized List<OutboxEntry> claim(String owner, Duration lease, int limit) {
        Require.notBlank(owner, "owner");
        requirePositive(lease);
        Require.argument(limit >= 1, () -> StoreProblems.outboxClaimLimit(limit));
        Instant now = clock.instant();
        List<OutboxEntry> claimed = new ArrayList<>();
        for (Map.Entry<String, Held> e : entries.entrySet()) {
            if (claimed.size() == limit) {
                break;
            }
            Held held = e.getValue();
            if (!held.parked() && !held.until().get().isAfter(now)) {
                OutboxEntry next = held.entry().nextAttempt();
                e.setValue(new Held(next, owner, Optional.of(now.plus(lease))));
                claimed.add(next);
            }
        }
        return List.copyOf(claimed);
    }

    @Override
    public synchronized boolean reschedule(String id, List<OutboxDelivery> deliveries, Duration retryAfter) {
        Require.notBlank(id, "id");
        OutboxEntry.requireOnePerRecipient(id, deliveries);
        Require.nonNull(retryAfter, "retryAfter");
        Require.argument(!retryAfter.isNegative(), () -> StoreProblems.outboxRetryAfter(retryAfter));
        Held held = entries.get(id);
        if (held == null) {
            return false;
        }
        boolean parked = deliveries.stream().anyMatch(OutboxDelivery::isDead)
                && deliveries.stream().noneMatch(d -> d.status() == OutboxDelivery.Status.FAILING);
        entries.put(id, new Held(held.entry().withDeliveries(deliveries), held.owner(),
                parked ? Optional.empty() : Optional.of(clock.instant().plus(retryAfter))));
        return true;
    }

    @Override
    public synchronized List<OutboxEntry> dead(int limit) {
        Require.argument(limit >= 1, () -> StoreProblems.outboxListLimit(limit));
        return entries.values().stream().filter(Held::hasDead).limit(limit).map(Held::entry).toList();
    }

    @Override
    public synchronized long deadCount() {
        return entries.values().stream().flatMap(h -> h.entry().deliveries().stream())
                .filter(OutboxDelivery::isDead).count();
    }

    @Override
    public synchronized int retryDead(Collection<String> ids) {
        int retried = 0;
        for (String id : distinct(ids)) {
            Held held = entries.get(id);
            if (held != null && held.hasDead()) {
                List<OutboxDelivery> back = held.entry().deliveries().stream()
                        .map(d -> d.isDead() ? d.retried() : d).toList();
                entries.put(id, new Held(held.entry().withDeliveries(back), held.owner(),
                        held.parked() ? Optional.of(clock.instant()) : held.until()));
                retried++;
            }
        }
        return retried;
    }

    @Override
    public synchronized int discardDead(Collection<String> ids) {
        int discarded = 0;
        for (String id : distinct(ids)) {
            Held held = entries.get(id);
            if (held != null && held.hasDead()) {
                List<OutboxDelivery> left = held.entry().deliveries().stream()
                        .map(d -> d.isDead() ? d.discarded() : d).toList();
                if (left.stream().allMatch(d -> d.status() == OutboxDelivery.Status.DONE)) {
                    entries.remove(id);
                } else {
                    entries.put(id, new Held(held.entry().withDeliveries(left), held.owner(),
                            held.parked() ? Optional.of(clock.instant()) : held.until()));
                }
                discarded++;
            }
        }
        return discarded;
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
        entries.values().removeIf(h -> h.entry().ticketId().map(tickets::contains).orElse(false));
        return before - entries.size();
    }

    @Override
    public synchronized long pending() {
        return entries.values().stream().filter(h -> !h.parked()).count();
    }

    private static Set<String> distinct(Collection<String> ids) {
        Require.nonNull(ids, "ids");
        Set<String> distinct = new LinkedHashSet<>();
        ids.forEach(id -> distinct.add(Require.nonNull(id, "id")));
        return distinct;
    }

    private static void requirePositive(Duration lease) {
        Require.nonNull(lease, "lease");
        Require.argument(!lease.isZero() && !lease.isNegative(), () -> StoreProblems.outboxLease(lease));
    }
}

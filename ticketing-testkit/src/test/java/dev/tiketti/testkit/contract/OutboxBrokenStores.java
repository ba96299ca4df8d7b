package dev.tiketti.testkit.contract;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.inmemory.InMemoryOutboxStore;
import dev.tiketti.core.spi.OutboxDelivery;
import dev.tiketti.core.spi.OutboxEntry;
import dev.tiketti.core.spi.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Outbox stores that break some obligations, to show that the outbox contract notices. */
final class OutboxBrokenStores {
    private OutboxBrokenStores() {
    }

    /** Keeps entries in order and removes delivered ones, but ignores leases and back-offs and never counts attempts. */
    static final class LeaseIgnoringOutboxStore implements OutboxStore {
        private final List<OutboxEntry> entries = new ArrayList<>();

        @Override
        public synchronized void append(List<OutboxEntry> newEntries, String owner, Duration lease) {
            entries.addAll(newEntries);
        }

        @Override
        public synchronized List<OutboxEntry> claim(String owner, Duration lease, int limit) {
            return List.copyOf(entries.subList(0, Math.min(limit, entries.size())));
        }

        @Override
        public synchronized boolean reschedule(String id, List<OutboxDelivery> deliveries, Duration retryAfter) {
            entries.replaceAll(e -> e.id().equals(id) ? e.withDeliveries(deliveries) : e);
            return entries.stream().anyMatch(e -> e.id().equals(id));
        }

        @Override
        public synchronized List<OutboxEntry> dead(int limit) {
            return entries.stream().filter(e -> e.deliveries().stream().anyMatch(OutboxDelivery::isDead))
                    .limit(limit).toList();
        }

        @Override
        public synchronized long deadCount() {
            return entries.stream().flatMap(e -> e.deliveries().stream()).filter(OutboxDelivery::isDead).count();
        }

        @Override
        public synchronized int retryDead(Collection<String> ids) {
            return 0;
        }

        @Override
        public synchronized int discardDead(Collection<String> ids) {
            return 0;
        }

        @Override
        public synchronized int delivered(Collection<String> ids) {
            int before = entries.size();
            entries.removeIf(e -> ids.contains(e.id()));
            return before - entries.size();
        }

        @Override
        public synchronized int discard(Collection<TicketId> tickets) {
            int before = entries.size();
            entries.removeIf(e -> e.ticketId().map(tickets::contains).orElse(false));
            return before - entries.size();
        }

        @Override
        public synchronized long pending() {
            return entries.size();
        }
    }

    static final class LeaseIgnoringOutboxStoreRun extends OutboxStoreContract {
        @Override
        protected OutboxStore createStore(Clock clock) {
            return new LeaseIgnoringOutboxStore();
        }

        @Override
        protected void advanceStoreClock(Duration by) {
            advanceContractClock(by);
        }
    }

    /** Passes the calls to the reference store; subclasses break one obligation. */
    abstract static class Delegating implements OutboxStore {
        final InMemoryOutboxStore delegate;

        Delegating(Clock clock) {
            delegate = new InMemoryOutboxStore(clock);
        }

        @Override
        public void append(List<OutboxEntry> entries, String owner, Duration lease) {
            delegate.append(entries, owner, lease);
        }

        @Override
        public List<OutboxEntry> claim(String owner, Duration lease, int limit) {
            return delegate.claim(owner, lease, limit);
        }

        @Override
        public boolean reschedule(String id, List<OutboxDelivery> deliveries, Duration retryAfter) {
            return delegate.reschedule(id, deliveries, retryAfter);
        }

        @Override
        public List<OutboxEntry> dead(int limit) {
            return delegate.dead(limit);
        }

        @Override
        public long deadCount() {
            return delegate.deadCount();
        }

        @Override
        public int retryDead(Collection<String> ids) {
            return delegate.retryDead(ids);
        }

        @Override
        public int discardDead(Collection<String> ids) {
            return delegate.discardDead(ids);
        }

        @Override
        public int delivered(Collection<String> ids) {
            return delegate.delivered(ids);
        }

        @Override
        public int discard(Collection<TicketId> tickets) {
            return delegate.discard(tickets);
        }

        @Override
        public long pending() {
            return delegate.pending();
        }
    }

    /**
     * Honours leases and back-offs, but keeps no per-recipient delivery: what core records after a
     * failed round is dropped, so every recipient would get the entry again and nothing is ever dead.
     */
    static final class RecipientForgettingOutboxStore extends Delegating {
        RecipientForgettingOutboxStore(Clock clock) {
            super(clock);
        }

        @Override
        public boolean reschedule(String id, List<OutboxDelivery> deliveries, Duration retryAfter) {
            OutboxEntry.requireOnePerRecipient(id, deliveries);
            return delegate.reschedule(id, List.of(), retryAfter);
        }
    }

    static final class RecipientForgettingOutboxStoreRun extends OutboxStoreContract {
        @Override
        protected OutboxStore createStore(Clock clock) {
            return new RecipientForgettingOutboxStore(clock);
        }

        @Override
        protected void advanceStoreClock(Duration by) {
            advanceContractClock(by);
        }
    }

    /**
     * Right in everything but erasure: {@link #discard} removes a ticket's pending entries and keeps
     * those with a dead delivery, so a parked event would carry the erased person's data on.
     */
    static final class DeadKeepingOutboxStore extends Delegating {
        DeadKeepingOutboxStore(Clock clock) {
            super(clock);
        }

        @Override
        public int discard(Collection<TicketId> tickets) {
            List<OutboxEntry> kept = delegate.dead(Integer.MAX_VALUE).stream()
                    .filter(e -> e.ticketId().map(tickets::contains).orElse(false)).toList();
            int discarded = delegate.discard(tickets);
            for (OutboxEntry e : kept) {
                delegate.append(List.of(e.withDeliveries(List.of())), "dead-keeper", Duration.ofDays(1));
                delegate.reschedule(e.id(), e.deliveries(), Duration.ofDays(1));
            }
            return discarded - kept.size();
        }
    }

    static final class DeadKeepingOutboxStoreRun extends OutboxStoreContract {
        @Override
        protected OutboxStore createStore(Clock clock) {
            return new DeadKeepingOutboxStore(clock);
        }

        @Override
        protected void advanceStoreClock(Duration by) {
            advanceContractClock(by);
        }
    }
}

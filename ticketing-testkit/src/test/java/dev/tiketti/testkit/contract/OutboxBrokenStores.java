package dev.tiketti.testkit.contract;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.spi.OutboxDelivery;
import dev.tiketti.core.spi.OutboxEntry;
import dev.tiketti.core.spi.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** An outbox store that breaks the lease obligations, to show that the outbox contract notices. */
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
}

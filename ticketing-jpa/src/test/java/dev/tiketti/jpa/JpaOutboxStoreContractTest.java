package dev.tiketti.jpa;

import dev.tiketti.core.spi.OutboxStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.jpa.internal.JpaOutboxStore;
import dev.tiketti.jpa.testing.Databases;
import dev.tiketti.jpa.testing.SharedStorage;
import dev.tiketti.testkit.contract.OutboxStoreContract;
import java.time.Clock;
import java.time.Duration;

/**
 * The testkit's OutboxStore contract on H2. Leases run on the database clock; the test moves
 * the store's view of it instead of waiting. Each test starts from an empty outbox table.
 */
class JpaOutboxStoreContractTest extends OutboxStoreContract {
    private JpaStorage storage;

    @Override
    protected OutboxStore createStore(Clock clock) {
        storage = SharedStorage.of(getClass(), Databases::h2).emptied("tkt_outbox");
        return storage.outboxStore();
    }

    @Override
    protected void advanceStoreClock(Duration by) {
        ((JpaOutboxStore) storage.outboxStore()).shiftClock(by);
    }

    @Override
    protected Transactions transactions() {
        return storage.transactions();
    }
}

package dev.tiketti.testkit.contract;

import dev.tiketti.core.inmemory.InMemoryOutboxStore;
import dev.tiketti.core.spi.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;

/** The outbox contract on core's in-memory reference store, whose leases run on the contract clock. */
@DisplayName("InMemoryOutboxStore")
class InMemoryOutboxStoreContractTest extends OutboxStoreContract {

    @Override
    protected OutboxStore createStore(Clock clock) {
        return new InMemoryOutboxStore(clock);
    }

    @Override
    protected void advanceStoreClock(Duration by) {
        advanceContractClock(by);
    }
}

package dev.tiketti.testkit.contract;

import dev.tiketti.core.inmemory.InMemoryTicketStore;
import dev.tiketti.core.spi.TicketStore;

/** Core's in-memory TicketStore passes the same contract as every adapter. */
class InMemoryTicketStoreContractTest extends TicketStoreContract {
    @Override
    protected TicketStore createStore() {
        return new InMemoryTicketStore();
    }
}

package dev.tiketti.testkit.contract;

import dev.tiketti.core.inmemory.InMemoryTicketStore;
import dev.tiketti.core.spi.TicketStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryTicketStore passes the TicketStore contract")
class InMemoryTicketStoreContractTest extends TicketStoreContract {
    @Override
    protected TicketStore createStore() {
        return new InMemoryTicketStore();
    }
}

package dev.tiketti.jpa;

import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.jpa.testing.Databases;
import dev.tiketti.jpa.testing.SharedStorage;
import dev.tiketti.testkit.contract.TicketStoreContract;

/** The testkit's TicketStore contract on H2. */
class JpaTicketStoreContractTest extends TicketStoreContract {
    private JpaStorage storage;

    @Override
    protected TicketStore createStore() {
        storage = SharedStorage.of(getClass(), Databases::h2).emptied("tkt_history_change", "tkt_history_entry", "tkt_timeline_entry", "tkt_ticket", "tkt_key_sequence");
        return storage.ticketStore();
    }

    @Override
    protected Transactions transactions() {
        return storage.transactions();
    }
}

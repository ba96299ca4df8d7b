package dev.tiketti.jpa;

import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.jpa.testing.Databases;
import dev.tiketti.jpa.testing.SharedStorage;
import dev.tiketti.testkit.contract.TicketStoreContract;

/** The testkit's TicketStore contract on a real PostgreSQL. */
class JpaTicketStoreContractIT extends TicketStoreContract {
    @Override
    protected TicketStore createStore() {
        return SharedStorage.of(getClass(), Databases::postgres).emptied("tkt_history_change", "tkt_history_entry", "tkt_timeline_entry", "tkt_ticket", "tkt_key_sequence").ticketStore();
    }
}

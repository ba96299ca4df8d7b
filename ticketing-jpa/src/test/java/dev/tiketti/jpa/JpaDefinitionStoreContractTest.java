package dev.tiketti.jpa;

import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.jpa.testing.Databases;
import dev.tiketti.jpa.testing.SharedStorage;
import dev.tiketti.testkit.contract.DefinitionStoreContract;

/** The testkit's DefinitionStore contract on H2. */
class JpaDefinitionStoreContractTest extends DefinitionStoreContract {
    @Override
    protected DefinitionStore createStore() {
        return SharedStorage.of(getClass(), Databases::h2).emptied("tkt_workflow", "tkt_ticket_type").definitionStore();
    }
}

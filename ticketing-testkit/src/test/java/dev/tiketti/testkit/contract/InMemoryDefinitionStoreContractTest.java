package dev.tiketti.testkit.contract;

import dev.tiketti.core.inmemory.InMemoryDefinitionStore;
import dev.tiketti.core.spi.DefinitionStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryDefinitionStore passes the DefinitionStore contract")
class InMemoryDefinitionStoreContractTest extends DefinitionStoreContract {
    @Override
    protected DefinitionStore createStore() {
        return new InMemoryDefinitionStore();
    }
}

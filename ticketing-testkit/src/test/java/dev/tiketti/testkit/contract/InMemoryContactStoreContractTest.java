package dev.tiketti.testkit.contract;

import dev.tiketti.core.inmemory.InMemoryContactStore;
import dev.tiketti.core.spi.ContactStore;

/** Core's in-memory ContactStore passes the same contract as every adapter. */
class InMemoryContactStoreContractTest extends ContactStoreContract {
    @Override
    protected ContactStore createStore() {
        return new InMemoryContactStore();
    }
}

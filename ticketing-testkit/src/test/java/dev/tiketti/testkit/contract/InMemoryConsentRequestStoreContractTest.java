package dev.tiketti.testkit.contract;

import dev.tiketti.core.inmemory.InMemoryConsentRequestStore;
import dev.tiketti.core.spi.ConsentRequestStore;

/** Core's in-memory ConsentRequestStore passes the same contract as every adapter. */
class InMemoryConsentRequestStoreContractTest extends ConsentRequestStoreContract {
    @Override
    protected ConsentRequestStore createStore() {
        return new InMemoryConsentRequestStore();
    }
}

package dev.tiketti.testkit.contract;

import dev.tiketti.core.inmemory.InMemoryConsentStore;
import dev.tiketti.core.spi.ConsentStore;

/** Core's in-memory ConsentStore passes the same contract as every adapter. */
class InMemoryConsentStoreContractTest extends ConsentStoreContract {
    @Override
    protected ConsentStore createStore() {
        return new InMemoryConsentStore();
    }
}

package dev.tiketti.testkit.contract;

import dev.tiketti.core.inmemory.InMemoryOrganizationStore;
import dev.tiketti.core.spi.OrganizationStore;

/** Core's in-memory OrganizationStore passes the same contract as every adapter. */
class InMemoryOrganizationStoreContractTest extends OrganizationStoreContract {
    @Override
    protected OrganizationStore createStore() {
        return new InMemoryOrganizationStore();
    }
}

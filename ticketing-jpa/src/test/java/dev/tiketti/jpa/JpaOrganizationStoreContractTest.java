package dev.tiketti.jpa;

import dev.tiketti.core.spi.OrganizationStore;
import dev.tiketti.jpa.testing.Databases;
import dev.tiketti.jpa.testing.SharedStorage;
import dev.tiketti.testkit.contract.OrganizationStoreContract;

/** The testkit's OrganizationStore contract on H2. */
class JpaOrganizationStoreContractTest extends OrganizationStoreContract {
    @Override
    protected OrganizationStore createStore() {
        return SharedStorage.of(getClass(), Databases::h2).emptied("tkt_membership", "tkt_organization").organizationStore();
    }
}

package dev.tiketti.jpa;

import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.jpa.testing.Databases;
import dev.tiketti.jpa.testing.SharedStorage;
import dev.tiketti.testkit.contract.ContactStoreContract;

/** The testkit's ContactStore contract on H2. */
class JpaContactStoreContractTest extends ContactStoreContract {
    @Override
    protected ContactStore createStore() {
        return SharedStorage.of(getClass(), Databases::h2)
                .emptied("tkt_contact_email", "tkt_contact").contactStore();
    }
}

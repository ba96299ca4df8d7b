package dev.tiketti.jpa;

import dev.tiketti.core.spi.ConsentRequestStore;
import dev.tiketti.jpa.testing.Databases;
import dev.tiketti.jpa.testing.SharedStorage;
import dev.tiketti.testkit.contract.ConsentRequestStoreContract;

/** The testkit's ConsentRequestStore contract on H2. */
class JpaConsentRequestStoreContractTest extends ConsentRequestStoreContract {
    @Override
    protected ConsentRequestStore createStore() {
        return SharedStorage.of(getClass(), Databases::h2).emptied("tkt_consent_request").consentRequestStore();
    }
}

package dev.tiketti.jpa;

import dev.tiketti.core.spi.ConsentStore;
import dev.tiketti.jpa.testing.Databases;
import dev.tiketti.jpa.testing.SharedStorage;
import dev.tiketti.testkit.contract.ConsentStoreContract;

/** The testkit's ConsentStore contract on a real PostgreSQL. */
class JpaConsentStoreContractIT extends ConsentStoreContract {
    @Override
    protected ConsentStore createStore() {
        return SharedStorage.of(getClass(), Databases::postgres).emptied("tkt_consent", "tkt_consent_purpose").consentStore();
    }
}

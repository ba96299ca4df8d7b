package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.Databases;
import dev.tiketti.jpa.testing.SharedStorage;
import org.junit.jupiter.api.DisplayName;

/** The testkit's storage contract on H2. */
@DisplayName("JpaStorage on H2 passes the Storage contract")
class JpaStorageContractTest extends JpaStorageContractTests {
    @Override
    SharedStorage shared() {
        return SharedStorage.of(getClass(), Databases::h2);
    }
}

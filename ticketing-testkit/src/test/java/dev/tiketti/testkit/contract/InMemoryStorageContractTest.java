package dev.tiketti.testkit.contract;

import dev.tiketti.core.inmemory.InMemoryStorage;
import dev.tiketti.core.spi.Storage;
import dev.tiketti.testkit.contract.StorageContract.Capability;
import dev.tiketti.testkit.contract.StorageContract.ProvidesNo;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;

/**
 * Core's in-memory reference storage passes the same contract as every adapter: every store,
 * leases on the contract clock. Its stores are atomic per call ({@code Transactions.none()}), so
 * it declares no units of work and the transactions group is not generated; {@link
 * TransactionsContractCatchesBrokenUnitsTest} shows what that group says about such units.
 */
@ProvidesNo(Capability.UNITS_OF_WORK)
@DisplayName("InMemoryStorage passes the Storage contract")
class InMemoryStorageContractTest extends StorageContract {
    @Override
    protected Storage createStorage(Clock clock) {
        return new InMemoryStorage(clock);
    }
}

package dev.tiketti.jpa;

import dev.tiketti.core.spi.TimerStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.jpa.internal.JpaTimerStore;
import dev.tiketti.jpa.testing.Databases;
import dev.tiketti.jpa.testing.SharedStorage;
import dev.tiketti.testkit.contract.TimerStoreContract;
import java.time.Clock;
import java.time.Duration;

/**
 * The testkit's TimerStore contract on a real PostgreSQL. Leases run on the database clock;
 * the test moves the store's view of it instead of waiting. Each test uses its own timer kinds, so
 * the shared database is not emptied.
 */
class JpaTimerStoreContractIT extends TimerStoreContract {
    private SharedStorage shared() {
        return SharedStorage.of(getClass(), Databases::postgres);
    }

    @Override
    protected TimerStore createStore(Clock clock) {
        return shared().storage().timerStore();
    }

    @Override
    protected void advanceStoreClock(Duration by) {
        ((JpaTimerStore) shared().storage().timerStore()).shiftClock(by);
    }

    @Override
    protected Transactions transactions() {
        return shared().storage().transactions();
    }
}

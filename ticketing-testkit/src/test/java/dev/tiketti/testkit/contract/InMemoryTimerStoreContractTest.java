package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.inmemory.InMemoryTimerStore;
import dev.tiketti.core.sla.ClaimedTimer;
import dev.tiketti.core.sla.TimerKind;
import dev.tiketti.core.sla.TimerRequest;
import dev.tiketti.core.spi.TimerStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The timer contract on core's in-memory reference store, whose leases run on the contract clock. */
@DisplayName("InMemoryTimerStore")
class InMemoryTimerStoreContractTest extends TimerStoreContract {

    @Override
    protected TimerStore createStore(Clock clock) {
        return new InMemoryTimerStore(clock);
    }

    @Override
    protected void advanceStoreClock(Duration by) {
        advanceContractClock(by);
    }

    @Test
    @DisplayName("the lease expiry is the injected clock's now plus the lease")
    void leaseExpiryFromInjectedClock() {
        TimerKind kind = TimerKind.of("breach");
        store().schedule(TimerRequest.of(kind, "ticket-1", START));
        advanceContractClock(Duration.ofSeconds(7));

        List<ClaimedTimer> claims = store().claimDue(Set.of(kind), START, "node-a", Duration.ofSeconds(30), 1);

        assertThat(claims).singleElement().extracting(ClaimedTimer::leaseExpiry)
                .isEqualTo(START.plusSeconds(37));
    }
}

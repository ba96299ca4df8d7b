package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.inmemory.InMemoryTimerStore;
import dev.tiketti.core.sla.ClaimedTimer;
import dev.tiketti.core.sla.TimerKind;
import dev.tiketti.core.sla.TimerRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the timer contract leaves to each store and core's in-memory one decides: its leases run on
 * the clock it is given. (The contract itself runs on it in {@link InMemoryStorageContractTest}.)
 */
@DisplayName("InMemoryTimerStore")
class InMemoryTimerStoreTest {
    private static final Instant START = Instant.parse("2026-01-05T06:00:00Z");

    @Test
    @DisplayName("the lease expiry is the injected clock's now plus the lease")
    void leaseExpiryFromInjectedClock() {
        ContractClock clock = new ContractClock(START);
        InMemoryTimerStore store = new InMemoryTimerStore(clock);
        TimerKind kind = TimerKind.of("breach");
        store.schedule(TimerRequest.of(kind, "ticket-1", START));
        clock.advance(Duration.ofSeconds(7));

        List<ClaimedTimer> claims = store.claimDue(Set.of(kind), START, "node-a", Duration.ofSeconds(30), 1);

        assertThat(claims).singleElement().extracting(ClaimedTimer::leaseExpiry)
                .isEqualTo(START.plusSeconds(37));
    }
}

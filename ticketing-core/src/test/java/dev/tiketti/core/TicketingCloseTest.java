package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tiketti.core.inmemory.InMemoryOutboxStore;
import dev.tiketti.core.sla.BusinessCalendars;
import dev.tiketti.core.sla.ReminderRule;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Ticketing#close()} stops the background work the instance started, and only that. */
class TicketingCloseTest {

    @Test
    void closeStopsTheOutboxDeliverersAndTheTimerPoller() throws Exception {
        Ticketing ticketing = Ticketing.builder().inMemory()
                .outboxStore(new InMemoryOutboxStore(Clock.systemUTC()))
                .reminder(ReminderRule.unassignedFor("close-test", Duration.ofHours(4), BusinessCalendars.finland()))
                .timerOwner("close-test-1")
                .timerPollInterval(Duration.ofMillis(20))
                .build();
        ticketing.events().startDelivering(Duration.ofMillis(20));
        ticketing.events().startDelivering(Duration.ofMillis(20));
        ticketing.timers().start();
        await().until(() -> deliverers("close-test-1") == 2);
        assertThat(ticketing.timers().isPolling()).isTrue();

        ticketing.close();

        await().until(() -> deliverers("close-test-1") == 0);
        assertThat(ticketing.timers().isPolling()).isFalse();
        ticketing.close(); // a second close does nothing
    }

    @Test
    void aDelivererClosedByItsHandleIsNotClosedTwice() throws Exception {
        Ticketing ticketing = Ticketing.builder().inMemory()
                .outboxStore(new InMemoryOutboxStore(Clock.systemUTC())).timerOwner("close-test-2").build();
        AutoCloseable handle = ticketing.events().startDelivering(Duration.ofMillis(20));
        await().until(() -> deliverers("close-test-2") == 1);
        handle.close();
        await().until(() -> deliverers("close-test-2") == 0);
        ticketing.close();
        assertThat(deliverers("close-test-2")).isZero();
    }

    private static long deliverers(String node) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("tiketti-outbox-" + node) && t.isAlive()).count();
    }
}

package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.inmemory.InMemoryOutboxStore;
import dev.tiketti.core.spi.OutboxStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The background outbox deliverer backs off while its store fails instead of failing (and
 * logging a stack trace) on every pass, and delivers again once the store is back (issue #20
 * item 1).
 */
class PendingEventsOutageTest {

    @Test
    void theDelivererBacksOffWhileTheOutboxStoreIsDownAndResumesWhenItIsBack() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        List<Long> callsWhileDown = new CopyOnWriteArrayList<>();
        InMemoryOutboxStore memory = new InMemoryOutboxStore(Clock.systemUTC());
        OutboxStore flaky = (OutboxStore) Proxy.newProxyInstance(OutboxStore.class.getClassLoader(),
                new Class<?>[] {OutboxStore.class}, (proxy, method, args) -> {
                    if (down.get()) {
                        callsWhileDown.add(System.nanoTime());
                        throw new StorageUnavailableException("[test] the database is down");
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (Ticketing ticketing = Ticketing.builder().inMemory().outboxStore(flaky).timerOwner("outage-test")
                .build()) {
            assertThat(callsWhileDown).as("nothing reads the outbox before the deliverer starts").isEmpty();
            ticketing.events().startDelivering(Duration.ofMillis(2));
            await().until(() -> callsWhileDown.size() >= 6);
            // a pass makes one call; after the 5th failed pass the deliverer waits 2 ms x 2^4, without back-off 2 ms
            assertThat(Duration.ofNanos(callsWhileDown.get(5) - callsWhileDown.get(4)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(32));

            down.set(false);
            await().atMost(Duration.ofMinutes(2)).until(() -> ticketing.events().pending() == 0);
        }
    }
}

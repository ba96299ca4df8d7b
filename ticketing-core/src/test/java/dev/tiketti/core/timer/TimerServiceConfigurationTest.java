package dev.tiketti.core.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.inmemory.InMemoryTimerStore;
import dev.tiketti.core.sla.TimerKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TimerService configuration")
class TimerServiceConfigurationTest {
    private static final TimerKind BREACH = TimerKind.of("sla.breach");
    private final InMemoryTimerStore store =
            new InMemoryTimerStore(Clock.fixed(Instant.parse("2026-03-02T07:00:00Z"), ZoneOffset.UTC));

    private static AbstractThrowableAssert<?, ? extends Throwable> rejects(Consumer<TimerService.Builder> option) {
        TimerService.Builder builder = TimerService.builder(new InMemoryTimerStore(java.time.Clock.systemUTC()));
        return assertThatThrownBy(() -> option.accept(builder))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).code())
                        .isEqualTo(ErrorCode.INVALID_TIMER_CONFIGURATION));
    }

    @Test
    @DisplayName("a zero or negative lease, interval, back-off or shutdown timeout is rejected when set")
    void nonPositiveDurations() {
        rejects(b -> b.lease(Duration.ZERO)).hasMessageContaining("lease PT0S is invalid");
        rejects(b -> b.lease(Duration.ofSeconds(-5))).hasMessageContaining("positive duration");
        rejects(b -> b.pollInterval(Duration.ZERO)).hasMessageContaining("pollInterval PT0S is invalid");
        rejects(b -> b.pollInterval(Duration.ofMillis(-1))).hasMessageContaining("pollInterval");
        rejects(b -> b.retryBackoff(Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("retryBackoff initial");
        rejects(b -> b.retryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .hasMessageContaining("shorter than its initial");
        rejects(b -> b.shutdownTimeout(Duration.ZERO)).hasMessageContaining("shutdownTimeout");
        rejects(b -> b.lease(null)).hasMessageContaining("lease is null");
    }

    @Test
    @DisplayName("thread counts and batch sizes below one are rejected")
    void counts() {
        rejects(b -> b.pollerThreads(0)).hasMessageContaining("pollerThreads 0 is invalid: use 1 or more");
        rejects(b -> b.batchSize(-1)).hasMessageContaining("batchSize -1 is invalid");
    }

    @Test
    @DisplayName("a null handler or kind, and a second handler for one kind, are rejected")
    void handlers() {
        rejects(b -> b.handler(BREACH, null)).hasMessageContaining("handler for timer kind 'sla.breach' is null");
        rejects(b -> b.handler(null, t -> { })).hasMessageContaining("timer kind is null");
        rejects(b -> b.handler(BREACH, t -> { }).handler(BREACH, t -> { }))
                .hasMessageContaining("timer kind 'sla.breach' already has a handler");
    }

    @Test
    @DisplayName("an empty, over-long or spaced owner id is rejected")
    void owners() {
        rejects(b -> b.owner("")).hasMessageContaining("owner id of length 0 is invalid");
        rejects(b -> b.owner("node 1")).hasMessageContaining("without white space");
        rejects(b -> b.owner("n".repeat(101))).hasMessageContaining("of length 101");
        rejects(b -> b.owner(null)).hasMessageContaining("owner id null");
    }

    @Test
    @DisplayName("each option can be set once")
    void setOnce() {
        rejects(b -> b.lease(Duration.ofSeconds(30)).lease(Duration.ofSeconds(40)))
                .hasMessageContaining("lease was already set");
        rejects(b -> b.owner("a").owner("b")).hasMessageContaining("owner was already set");
    }

    @Test
    @DisplayName("build() reports every problem at once: no handler and a shutdown longer than the lease")
    void buildReportsAll() {
        assertThatThrownBy(() -> TimerService.builder(store).lease(Duration.ofSeconds(10))
                .shutdownTimeout(Duration.ofSeconds(20)).build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TIMER_CONFIGURATION);
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.problems().get(0)).contains("no timer handlers are registered");
                    assertThat(e.problems().get(1)).contains("shutdownTimeout PT20S is longer than the lease PT10S");
                });
    }

    @Test
    @DisplayName("a null store is rejected with a hint to the in-memory store")
    void nullStore() {
        assertThatThrownBy(() -> TimerService.builder(null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("InMemoryTimerStore");
    }

    @Test
    @DisplayName("a short lease without an explicit shutdown timeout builds: the timeout follows the lease")
    void shortLeaseBuilds() {
        try (TimerService service = TimerService.builder(store).lease(Duration.ofSeconds(5))
                .handler(BREACH, t -> { }).build()) {
            assertThat(service.kinds()).containsExactly(BREACH);
        }
    }

    @Test
    @DisplayName("the start executor must not be null")
    void nullExecutor() {
        try (TimerService service = TimerService.builder(store).handler(BREACH, t -> { }).build()) {
            assertThatThrownBy(() -> service.start(null)).hasMessageContaining("executor must not be null");
        }
    }
}

package dev.tiketti.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MutableClock")
class MutableClockTest {
    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    @Test
    @DisplayName("starts at the zoned date-time it is given, in that zone")
    void parsesZonedDateTime() {
        MutableClock clock = MutableClock.at("2024-12-05T15:55:00+02:00[Europe/Helsinki]");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-12-05T13:55:00Z"));
        assertThat(clock.getZone()).isEqualTo(HELSINKI);
        assertThat(ZonedDateTime.now(clock).getHour()).isEqualTo(15);
    }

    @Test
    @DisplayName("accepts a UTC date-time as well")
    void parsesUtc() {
        MutableClock clock = MutableClock.at("2024-12-05T13:55:00Z");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-12-05T13:55:00Z"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    @DisplayName("refuses text that is no date-time, saying what it expects")
    void badText() {
        assertThatThrownBy(() -> MutableClock.at("torstaina kolmelta"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("torstaina kolmelta").hasMessageContaining("2024-12-05T15:55:00+02:00[Europe/Helsinki]");
    }

    @Test
    @DisplayName("stands still until moved")
    void standsStill() {
        MutableClock clock = MutableClock.at(Instant.parse("2025-01-01T00:00:00Z"), HELSINKI);
        Instant first = clock.instant();
        assertThat(clock.instant()).isEqualTo(first);
        assertThat(clock.millis()).isEqualTo(first.toEpochMilli());
    }

    @Test
    @DisplayName("advances by a duration, across the DST change in local time")
    void advances() {
        MutableClock clock = MutableClock.at("2025-03-29T12:00:00+02:00[Europe/Helsinki]");
        clock.advance(Duration.ofDays(1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-03-30T10:00:00Z"));
        assertThat(ZonedDateTime.now(clock).getHour()).isEqualTo(13); // summer time began that night
        assertThat(clock.advance(Duration.ZERO).instant()).isEqualTo(Instant.parse("2025-03-30T10:00:00Z"));
    }

    @Test
    @DisplayName("refuses to advance backwards but can be set to any instant")
    void setAndNegative() {
        MutableClock clock = MutableClock.at("2025-01-01T00:00:00Z");
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set(Instant)");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        clock.set(Instant.parse("2024-06-19T09:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-06-19T09:00:00Z"));
    }

    @Test
    @DisplayName("shares its time with copies in other zones, whichever one is moved")
    void withZoneSharesTime() {
        MutableClock helsinki = MutableClock.at("2025-01-01T12:00:00+02:00[Europe/Helsinki]");
        MutableClock utc = helsinki.withZone(ZoneOffset.UTC);
        assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
        helsinki.advance(Duration.ofHours(1));
        assertThat(utc.instant()).isEqualTo(helsinki.instant());
        utc.advance(Duration.ofMinutes(5));
        assertThat(helsinki.instant()).isEqualTo(Instant.parse("2025-01-01T11:05:00Z"));
        assertThat(helsinki.withZone(HELSINKI)).isSameAs(helsinki);
        assertThat(utc.withZone(HELSINKI)).isEqualTo(helsinki);
        assertThat(MutableClock.at(helsinki.instant(), HELSINKI)).isNotEqualTo(helsinki);
    }

    @Test
    @DisplayName("loses no advance when many threads move it at once")
    void threadSafe() throws Exception {
        MutableClock clock = MutableClock.at("2025-01-01T00:00:00Z");
        Clock view = clock.withZone(HELSINKI);
        int threads = 8;
        int perThread = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        clock.advance(Duration.ofMillis(1));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(view.instant()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z").plusMillis(threads * perThread));
    }
}

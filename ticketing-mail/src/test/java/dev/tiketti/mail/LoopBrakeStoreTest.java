package dev.tiketti.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LoopBrakeStore.inMemory()")
class LoopBrakeStoreTest {
    private static final Instant T = Instant.parse("2026-03-02T07:00:00Z");

    @Test
    @DisplayName("counts records at or after an instant, per address")
    void counts() {
        LoopBrakeStore store = LoopBrakeStore.inMemory();
        store.record("aino.aijala@example.fi", T);
        store.record("aino.aijala@example.fi", T.plusSeconds(60));
        store.record("eero@example.com", T.plusSeconds(60));

        assertThat(store.count("aino.aijala@example.fi", T)).isEqualTo(2);
        assertThat(store.count("aino.aijala@example.fi", T.plusSeconds(1))).isEqualTo(1);
        assertThat(store.count("nobody@example.fi", T)).isZero();
    }

    @Test
    @DisplayName("forgets an address (erasure) and purges old records (retention)")
    void forgetsAndPurges() {
        LoopBrakeStore store = LoopBrakeStore.inMemory();
        store.record("aino.aijala@example.fi", T);
        store.record("aino.aijala@example.fi", T.plusSeconds(3600));
        store.record("eero@example.com", T);

        assertThat(store.purgeBefore(T.plusSeconds(1))).isEqualTo(2);
        assertThat(store.count("aino.aijala@example.fi", T.minusSeconds(1))).isEqualTo(1);
        assertThat(store.count("eero@example.com", T.minusSeconds(1))).isZero();
        assertThat(store.forget("aino.aijala@example.fi")).isEqualTo(1);
        assertThat(store.count("aino.aijala@example.fi", T.minusSeconds(1))).isZero();
        assertThat(store.forget("aino.aijala@example.fi")).isZero();
    }
}

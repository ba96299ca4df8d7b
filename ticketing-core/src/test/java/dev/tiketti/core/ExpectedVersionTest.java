package dev.tiketti.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketUpdate;
import dev.tiketti.core.ticket.TransitionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected versions a ticket can never have are refused for good (TKT-0203), not reported as a
 * concurrent change that a retry would fix (issue #20 item 4).
 */
class ExpectedVersionTest {
    private final Fixture f = new Fixture().withHrSetup();

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void aVersionBelowOneIsInvalidInputOnEveryRequest(long version) {
        Ticket t = f.open();
        for (TicketingException e : new TicketingException[] {
                catchThrowableOfType(TicketingException.class,
                        () -> TransitionRequest.of(t.id(), "start", f.maija).expectedVersion(version)),
                catchThrowableOfType(TicketingException.class,
                        () -> TicketUpdate.of(t.id(), f.maija).expectedVersion(version))}) {
            assertThat(e).isNotInstanceOf(ConcurrentUpdateException.class);
            assertThat(e.code()).isEqualTo(ErrorCode.IMPOSSIBLE_VERSION);
            assertThat(e.code().retryable()).isFalse();
            assertThat(e.getMessage()).contains("[TKT-0203]", "expected version " + version, "start at 1");
        }
    }

    @Test
    void aVersionAboveTheStoredOneIsOneTheTicketNeverHadAndChangesNothing() {
        Ticket t = f.open();
        for (long ahead : new long[] {2, 5, Long.MAX_VALUE}) {
            TicketingException transition = catchThrowableOfType(TicketingException.class, () -> f.ticketing.tickets()
                    .transition(TransitionRequest.of(t.id(), "start", f.maija).expectedVersion(ahead)));
            TicketingException update = catchThrowableOfType(TicketingException.class, () -> f.ticketing.tickets()
                    .update(TicketUpdate.of(t.id(), f.maija).expectedVersion(ahead).priority(Priority.HIGH)));
            for (TicketingException e : new TicketingException[] {transition, update}) {
                assertThat(e).isNotInstanceOf(ConcurrentUpdateException.class);
                assertThat(e.code()).isEqualTo(ErrorCode.IMPOSSIBLE_VERSION);
                assertThat(e.getMessage()).contains(t.key().toString(), "is at version 1",
                        "never had version " + ahead, "retrying will not help");
            }
        }
        assertThat(f.ticketing.tickets().get(t.id())).isEqualTo(t);
        assertThat(f.ticketing.tickets().history(t.id())).hasSize(1);
    }

    @Test
    void anOlderVersionIsStillAConcurrentChangeWorthARetry() {
        Ticket t = f.open();
        f.take(t, "start", f.maija);
        ConcurrentUpdateException e = catchThrowableOfType(ConcurrentUpdateException.class, () -> f.ticketing
                .tickets().update(TicketUpdate.of(t.id(), f.maija).expectedVersion(1).priority(Priority.HIGH)));
        assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_UPDATE);
        assertThat(e.code().retryable()).isTrue();
    }
}

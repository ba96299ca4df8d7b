package dev.tiketti.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketingException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Timer value types")
class TimerValuesTest {
    private static final TimerKind BREACH = TimerKind.of("sla.breach");
    private static final Instant DUE = Instant.parse("2026-03-02T07:00:00Z");

    @Test
    @DisplayName("a timer id names its kind and subject, and ticket helpers build the subject from the ticket id")
    void ids() {
        TicketId ticket = TicketId.of("3f2c7a3e-8d4b-4c1e-9a57-0e7d51f1a001");

        assertThat(TimerId.forTicket(BREACH, ticket).subject()).isEqualTo(ticket.toString());
        assertThat(TimerId.forTicket(BREACH, ticket, "first-response/75").subject())
                .isEqualTo(ticket + "/first-response/75");
        assertThat(TimerId.of("sla.breach", "x")).isEqualTo(new TimerId(BREACH, "x"));
        assertThat(TimerId.of(BREACH, "x")).hasToString("sla.breach:x");
    }

    @Test
    @DisplayName("blank, over-long or control-character subjects and malformed kinds are rejected")
    void badIds() {
        assertThatThrownBy(() -> TimerId.of(BREACH, " ")).isInstanceOf(TicketingException.class)
                .hasMessageContaining("timer subject must not be blank");
        assertThatThrownBy(() -> TimerId.of(BREACH, "a".repeat(201))).isInstanceOf(TicketingException.class)
                .hasMessageContaining("length 201").hasMessageContaining("1-200 characters");
        assertThatThrownBy(() -> TimerId.of(BREACH, "line\nbreak"))
                .isInstanceOfSatisfying(TicketingException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_IDENTIFIER))
                .hasMessageNotContaining("line");
        assertThatThrownBy(() -> TimerKind.of("1st kind")).isInstanceOf(TicketingException.class)
                .hasMessageContaining("timer kind '1st kind' is invalid");
        assertThatThrownBy(() -> TimerRequest.of(TimerId.of(BREACH, "x"), null))
                .hasMessageContaining("due instant must not be null");
    }

    @Test
    @DisplayName("a claim's attempt starts at 1")
    void claimAttempt() {
        assertThatThrownBy(() -> new ClaimedTimer(TimerId.of(BREACH, "x"), DUE, "node-a", DUE, 1, 0))
                .isInstanceOf(TicketingException.class).hasMessageContaining("first claim is attempt 1");
        assertThat(new ClaimedTimer(TimerId.of(BREACH, "x"), DUE, "node-a", DUE, 1, 1).kind()).isEqualTo(BREACH);
    }

    @Test
    @DisplayName("a snapshot cannot claim without an owner or lease, nor be fired while held")
    void snapshotConsistency() {
        TimerId id = TimerId.of(BREACH, "x");
        assertThatThrownBy(() -> new ScheduledTimer(id, DUE, TimerState.CLAIMED, Optional.empty(), Optional.of(DUE), 1))
                .isInstanceOf(TicketingException.class).hasMessageContaining("cannot be CLAIMED");
        assertThatThrownBy(() -> new ScheduledTimer(id, DUE, TimerState.FIRED, Optional.empty(), Optional.of(DUE), 1))
                .isInstanceOf(TicketingException.class).hasMessageContaining("cannot be FIRED");
        assertThatThrownBy(() -> new ScheduledTimer(id, DUE, TimerState.PENDING, Optional.of("node-a"), Optional.empty(), 0))
                .isInstanceOf(TicketingException.class);
        assertThatThrownBy(() -> new ScheduledTimer(id, DUE, TimerState.PENDING, Optional.empty(), Optional.empty(), -1))
                .isInstanceOf(TicketingException.class);
        assertThat(new ScheduledTimer(id, DUE, TimerState.PENDING, Optional.empty(), Optional.of(DUE), 2).heldUntil())
                .contains(DUE);
    }
}

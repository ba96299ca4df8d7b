package dev.tiketti.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.event.PrivacyEvent;
import dev.tiketti.core.ticket.Ticket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionSweepTest {
    final PrivacyWorld w = new PrivacyWorld();
    final Contact aino = w.contact(1, "Aino Virtanen", "aino.virtanen@example.fi", "040 123 4567");

    @Test
    void closedTicketsOlderThanThePeriodAreDeletedOrAnonymisedAndNothingElse() {
        Ticket oldGeneral = w.close(w.open("general", aino.id(), "Aino Virtanen kysyy", "Soita 040 123 4567"));
        Ticket oldPayroll = w.close(w.open("payroll", aino.id(), "Palkka", "Aino Virtasen palkka"));
        Ticket oldOpen = w.open("general", aino.id(), "Avoin", "Aino Virtanen");
        w.clock.advance(Duration.ofDays(200));
        Ticket recent = w.close(w.open("general", aino.id(), "Uusi", "Aino Virtanen"));

        RetentionSweepReport report = w.privacy.retention().sweep(List.of(new RetentionSchedule("general", 6, ErasureAction.ANONYMISE),
                new RetentionSchedule("payroll", 3, ErasureAction.DELETE)));

        assertThat(w.ticketing.tickets().find(oldPayroll.id())).isEmpty();
        assertThat(w.ticketing.tickets().get(oldGeneral.id()).subject()).isEqualTo("xxxxxx kysyy");
        assertThat(w.ticketing.tickets().timeline(oldGeneral.id()).get(0).body()).isEqualTo("Soita xxxxxx");
        assertThat(w.ticketing.tickets().get(oldOpen.id()).subject()).isEqualTo("Avoin");
        assertThat(w.ticketing.tickets().timeline(recent.id()).get(0).body()).isEqualTo("Aino Virtanen");
        assertThat(report.items()).extracting(ErasureItem::item, ErasureItem::outcome).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(oldGeneral.key().toString(), new ErasureOutcome.Anonymised()),
                org.assertj.core.groups.Tuple.tuple(oldPayroll.key().toString(), new ErasureOutcome.Deleted()));
        assertThat(w.privacyEvents).singleElement().isEqualTo(new PrivacyEvent.RetentionSweepCompleted(report.at(),
                List.of(oldGeneral.key().toString()), List.of(oldPayroll.key().toString())));
        // the register record is not the ticket's: a sweep leaves it alone
        assertThat(w.contactStore.find(aino.id()).orElseThrow().name()).isEqualTo("Aino Virtanen");
    }

    @Test
    void sweepingAgainChangesNothingAndAnInterruptedSweepIsFinishedBySweepingAgain() {
        for (int i = 0; i < 4; i++) {
            w.close(w.open("general", aino.id(), "Aino Virtanen " + i, "Aino Virtanen"));
        }
        w.clock.advance(Duration.ofDays(400));
        List<RetentionSchedule> schedules = List.of(new RetentionSchedule("general", 12, ErasureAction.ANONYMISE));
        w.failAfter.set(2);

        catchThrowableOfType(TicketingException.class, () -> w.privacy.retention().sweep(schedules));
        RetentionSweepReport second = w.privacy.retention().sweep(schedules);
        List<String> state = w.normalisedState();
        RetentionSweepReport third = w.privacy.retention().sweep(schedules);

        assertThat(second.items()).hasSize(2);
        assertThat(third.items()).isEmpty();
        assertThat(w.normalisedState()).isEqualTo(state);
        assertThat(w.everyText()).allSatisfy((where, text) -> {
            if (!where.startsWith("contact/")) {
                assertThat(text).as(where).doesNotContain("Aino", "Virtanen");
            }
        });
    }

    @Test
    void aPeriodBelowOneMonthOrRetainAsTheActionFailsClearly() {
        for (int months : new int[] {0, -3}) {
            TicketingException e = catchThrowableOfType(TicketingException.class,
                    () -> new RetentionSchedule("general", months, ErasureAction.DELETE));
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RETENTION);
            assertThat(e.getMessage()).contains("general", "at least 1 month", String.valueOf(months));
        }
        assertThat(catchThrowableOfType(TicketingException.class,
                () -> new RetentionSchedule("general", 3, ErasureAction.RETAIN)).code())
                .isEqualTo(ErrorCode.INVALID_RETENTION);
        Ticket t = w.close(w.open("general", aino.id(), "Aino", "Aino"));
        w.clock.advance(Duration.ofDays(100));
        TicketingException twice = catchThrowableOfType(TicketingException.class, () -> w.privacy.retention().sweep(List.of(
                new RetentionSchedule("general", 1, ErasureAction.DELETE),
                new RetentionSchedule("general", 2, ErasureAction.ANONYMISE))));
        assertThat(twice.code()).isEqualTo(ErrorCode.INVALID_RETENTION);
        assertThat(w.ticketing.tickets().find(t.id())).isPresent();
    }
}

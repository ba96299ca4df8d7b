package dev.tiketti.core.sla;

import static dev.tiketti.core.sla.SlaClockStory.hki;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.TicketingBuilder;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TransitionRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Reminder rules without SLA policies: "no activity", scopes by type, pauses while waiting. */
class ReminderRulesTest {
    final SlaTimersFacadeTest.TestClock clock = new SlaTimersFacadeTest.TestClock(hki("2024-01-02T08:00"));
    final List<TicketEvent.ReminderDue> due = new CopyOnWriteArrayList<>();
    final Actor maija = Actor.agent("maija.virtanen", "hr");

    Ticketing ticketing(ReminderRule... rules) {
        TicketingBuilder b = Ticketing.builder().inMemory().clock(clock).listener(e -> {
            if (e instanceof TicketEvent.ReminderDue r) {
                due.add(r);
            }
        });
        for (ReminderRule r : rules) {
            b.reminder(r);
        }
        Ticketing t = b.build();
        SlaTimersFacadeTest.define(t);
        t.definitions().defineType(new TicketType("salary", TeamId.of("hr"), "PAY", "Salary question", "hr-general", List.of()));
        return t;
    }

    TicketId open(Ticketing t, String type) {
        Contact c = t.privacy().register().save(Contact.withEmail("Eero Mäkelä", "eero.makela@example.fi", AssuranceLevel.LOW));
        return t.tickets().open(OpenTicket.of(type, c.id(), "Kysymys", Channel.EMAIL).body("Hei")).id();
    }

    void tickAt(Ticketing t, String at) {
        clock.set(hki(at));
        t.timers().tick();
    }

    @Test
    void noActivityCountsFromTheLastChangeByAnAgent() {
        Ticketing t = ticketing(ReminderRule.noActivityFor("stale-4h", Duration.ofHours(4), BusinessCalendars.finland()));
        TicketId id = open(t, "annual-leave");
        clock.set(hki("2024-01-02T09:00"));
        t.tickets().transition(TransitionRequest.of(id, "start", maija)); // activity: a new 4-hour period
        clock.set(hki("2024-01-02T10:00"));
        t.tickets().addEntry(NewEntry.inbound(id, Actor.contact(t.tickets().get(id).requester()), Channel.EMAIL, "Joko?")); // not the team's

        tickAt(t, "2024-01-02T12:59");
        assertThat(due).isEmpty();
        tickAt(t, "2024-01-02T13:00");
        tickAt(t, "2024-01-02T15:00");
        assertThat(due).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("stale-4h");
            assertThat(r.since()).isEqualTo(hki("2024-01-02T09:00"));
        });
    }

    @Test
    void aRuleForOneTypeLeavesOtherTypesAlone() {
        Ticketing t = ticketing(ReminderRule.unassignedFor("salary-1h", Duration.ofHours(1), BusinessCalendars.finland())
                .forType("salary"));
        TicketId leave = open(t, "annual-leave");
        TicketId salary = open(t, "salary");
        tickAt(t, "2024-01-02T09:00");
        assertThat(due).extracting(TicketEvent::ticketId).containsExactly(salary);
        assertThat(leave).isNotEqualTo(salary);
    }

    @Test
    void aReminderDueAtNightIsSentAtTheNextOpening() {
        clock.set(hki("2024-01-02T15:30"));
        Ticketing t = ticketing(ReminderRule.unassignedFor("unassigned-2h", Duration.ofHours(2), BusinessCalendars.finland()));
        TicketId id = open(t, "annual-leave"); // 30 min on Tuesday, 1.5 h on Wednesday: due Wednesday 09:30
        tickAt(t, "2024-01-03T09:30");
        assertThat(due).singleElement().satisfies(r -> assertThat(r.at()).isEqualTo(hki("2024-01-03T09:30")));
        due.clear();

        TicketId late = open(t, "annual-leave"); // opened Wednesday 09:30: due 11:30
        tickAt(t, "2024-01-03T19:00");          // the host was down all afternoon
        assertThat(due).isEmpty();
        tickAt(t, "2024-01-04T08:00");
        assertThat(due).singleElement().satisfies(r -> {
            assertThat(r.ticketId()).isEqualTo(late);
            assertThat(r.at()).isEqualTo(hki("2024-01-04T08:00"));
        });
        assertThat(id).isNotEqualTo(late);
    }
}

package dev.tiketti.core.sla;

import static dev.tiketti.core.sla.SlaClockStory.hki;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.Actor;
import dev.tiketti.core.AgentId;
import dev.tiketti.core.Channel;
import dev.tiketti.core.OpenTicket;
import dev.tiketti.core.Priority;
import dev.tiketti.core.TeamId;
import dev.tiketti.core.TicketId;
import dev.tiketti.core.Ticketing;
import dev.tiketti.core.TransitionRequest;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.ticket.HistoryEntry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Escalation effects applied by the SLA timers: reassign to the pair or the lead, priority capped, notify. */
class SlaEscalationTest {
    static final TeamId HR = TeamId.of("hr");
    final SlaTimersFacadeTest.TestClock clock = new SlaTimersFacadeTest.TestClock(hki("2024-01-02T08:00"));
    final RecordingOutboundTransport outbox = new RecordingOutboundTransport();
    final Actor maija = Actor.agent("maija", "hr");

    Ticketing ticketing(SlaPolicy policy, boolean withLead) {
        Ticketing.Builder b = Ticketing.builder().outboundTransport(outbox).inMemory().clock(clock)
                .slaPolicies(SlaPolicies.builder().calendar("office", BusinessCalendars.finland()).policy(policy)
                        .fallback(policy.name()).build())
                .pair(AgentId.of("maija"), AgentId.of("pekka"));
        if (withLead) {
            b.teamLead(HR, AgentId.of("helena"));
        }
        Ticketing t = b.build();
        SlaTimersFacadeTest.define(t);
        return t;
    }

    TicketId open(Ticketing t, Priority priority) {
        Contact c = t.registerContact(Contact.withEmail("Eero Mäkelä", "eero.makela@example.fi", AssuranceLevel.LOW));
        return t.open(OpenTicket.of("annual-leave", c.id(), "Kysymys", Channel.EMAIL).body("Hei").priority(priority)).id();
    }

    @Test
    void warningReassignsToThePairAndBreachToTheTeamLead() {
        Ticketing t = ticketing(SlaPolicy.builder("p", "office").firstResponse(Duration.ofHours(2))
                .warnAt(50, Escalation.reassignToPair())
                .atBreach(Escalation.reassignToTeamLead(), Escalation.raisePriority(3)).build(), true);
        TicketId id = open(t, Priority.HIGH);
        t.transition(TransitionRequest.of(id, "start", maija)); // assigned to maija

        clock.set(hki("2024-01-02T09:00"));
        t.timers().tick();
        assertThat(t.get(id).assignee()).contains(AgentId.of("pekka"));
        clock.set(hki("2024-01-02T10:01"));
        t.timers().tick();
        assertThat(t.get(id).assignee()).contains(AgentId.of("helena"));
        assertThat(t.get(id).priority()).isEqualTo(Priority.URGENT); // raised by 3, capped
        HistoryEntry breach = t.history(id).get(t.history(id).size() - 1);
        assertThat(breach.actor()).isEqualTo(Actor.system());
        assertThat(breach.changes()).extracting(c -> c.field())
                .containsExactly("sla.first-response", "assignee", "priority");
    }

    @Test
    void withoutATeamLeadTheTeamIsNotifiedAndNobodyIsReassigned() {
        Ticketing t = ticketing(SlaPolicy.builder("p", "office").firstResponse(Duration.ofHours(2))
                .warnAt(50, Escalation.notifyTeamLead(), Escalation.reassignToTeamLead()).build(), false);
        TicketId id = open(t, Priority.NORMAL);
        clock.set(hki("2024-01-02T09:00"));
        t.timers().tick();
        assertThat(outbox.sent()).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo(new OutboundMessage.ToTeam(HR));
            assertThat(m.subject()).startsWith("[" + t.get(id).key() + "] SLA warning: FIRST_RESPONSE 50 %");
        });
        assertThat(t.get(id).assignee()).isEmpty();
    }
}

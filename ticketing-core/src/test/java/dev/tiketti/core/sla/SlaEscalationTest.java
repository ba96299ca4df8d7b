package dev.tiketti.core.sla;

import static dev.tiketti.core.sla.SlaClockStory.hki;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.TicketingBuilder;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.TransitionRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Escalation effects applied by the SLA timers: reassign to the pair or the lead, priority capped, notify. */
class SlaEscalationTest {
    static final TeamId HR = TeamId.of("hr");
    final SlaTimersFacadeTest.TestClock clock = new SlaTimersFacadeTest.TestClock(hki("2024-01-02T08:00"));
    final RecordingOutboundTransport outbox = new RecordingOutboundTransport();
    final Actor maija = Actor.agent("maija", "hr");

    Ticketing ticketing(SlaPolicy policy, boolean withLead) {
        TicketingBuilder b = Ticketing.builder().outboundTransport(outbox).inMemory().clock(clock)
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
        Contact c = t.privacy().register().save(Contact.withEmail("Eero Mäkelä", "eero.makela@example.fi", AssuranceLevel.LOW));
        return t.tickets().open(OpenTicket.of("annual-leave", c.id(), "Kysymys", Channel.EMAIL).body("Hei").priority(priority)).id();
    }

    @Test
    void warningReassignsToThePairAndBreachToTheTeamLead() {
        Ticketing t = ticketing(SlaPolicy.builder("p", "office").firstResponse(Duration.ofHours(2))
                .warnAt(50, Escalation.reassignToPair())
                .atBreach(Escalation.reassignToTeamLead(), Escalation.raisePriority(3)).build(), true);
        TicketId id = open(t, Priority.HIGH);
        t.tickets().transition(TransitionRequest.of(id, "start", maija)); // assigned to maija

        clock.set(hki("2024-01-02T09:00"));
        t.timers().tick();
        assertThat(t.tickets().get(id).assignee()).contains(AgentId.of("pekka"));
        clock.set(hki("2024-01-02T10:01"));
        t.timers().tick();
        assertThat(t.tickets().get(id).assignee()).contains(AgentId.of("helena"));
        assertThat(t.tickets().get(id).priority()).isEqualTo(Priority.URGENT); // raised by 3, capped
        HistoryEntry breach = t.tickets().history(id).get(t.tickets().history(id).size() - 1);
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
            assertThat(m.subject()).startsWith("[" + t.tickets().get(id).key() + "] SLA warning: FIRST_RESPONSE 50 %");
        });
        assertThat(t.tickets().get(id).assignee()).isEmpty();
    }
}

package dev.tiketti.core.sla;

import static dev.tiketti.core.sla.SlaClockStory.hki;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.TicketingBuilder;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.ticket.TransitionRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The work-queue query "SLA due before" through the facade: {@link Ticket#slaDue()} set by every
 * change, on the Finnish business calendar (Monday–Friday 08:00–16:00, Europe/Helsinki).
 */
class SlaDueQueueTest {
    static final Actor MAIJA = Actor.agent("maija.virtanen", "hr");
    static final TeamId HR = SlaTimersFacadeTest.HR;

    /** First response in 4 business hours; resolution in 16 (two working days). */
    static SlaPolicies policies(boolean withResolution) {
        SlaPolicy.Builder policy = SlaPolicy.builder("standard", "office").firstResponse(Duration.ofHours(4))
                .atBreach(Escalation.raisePriority());
        if (withResolution) {
            policy.resolution(Duration.ofHours(16));
        }
        return SlaPolicies.builder().calendar("office", BusinessCalendars.finland()).policy(policy.build())
                .fallback("standard").build();
    }

    static Ticketing ticketing(SlaTimersFacadeTest.TestClock clock, Optional<SlaPolicies> policies) {
        TicketingBuilder b = Ticketing.builder().outboundTransport(new RecordingOutboundTransport()).inMemory()
                .clock(clock);
        policies.ifPresent(b::slaPolicies);
        Ticketing t = b.build();
        SlaTimersFacadeTest.define(t);
        return t;
    }

    SlaTimersFacadeTest.TestClock clock;
    Ticketing ticketing;
    Contact aino;

    @BeforeEach
    void setUp() {
        clock = new SlaTimersFacadeTest.TestClock(hki("2025-03-03T08:00")); // Monday, no holiday that week
        ticketing = ticketing(clock, Optional.of(policies(true)));
        aino = register(ticketing);
    }

    static Contact register(Ticketing t) {
        return t.privacy().register().save(Contact.withEmail("Aino Järvinen", "aino.jarvinen@example.fi", AssuranceLevel.LOW));
    }

    Ticket openAt(String helsinkiTime) {
        return openAt(ticketing, aino, helsinkiTime);
    }

    Ticket openAt(Ticketing t, Contact requester, String helsinkiTime) {
        clock.set(hki(helsinkiTime));
        return t.tickets().open(OpenTicket.of("annual-leave", requester.id(), "Lomapäivät", Channel.EMAIL)
                .body("Hei, lomapäiväni puuttuvat."));
    }

    List<TicketKey> dueBefore(String helsinkiTime) {
        return ticketing.tickets().query(TicketQuery.all().slaDueBefore(hki(helsinkiTime))).stream().map(Ticket::key).toList();
    }

    Optional<Instant> slaDue(TicketId id) {
        return ticketing.tickets().get(id).slaDue();
    }

    @Test
    void dueBeforeListsExactlyTheTicketsWhoseFirstResponseRunsOutEarlierOverdueIncluded() {
        Ticket a = openAt("2025-03-03T09:00"); // due Mon 13:00
        Ticket b = openAt("2025-03-03T11:00"); // due Mon 15:00
        Ticket c = openAt("2025-03-03T14:00"); // 2 h on Monday, 2 h on Tuesday: due Tue 10:00
        Ticket d = openAt("2025-03-03T15:30"); // due Tue 11:30
        assertThat(a.slaDue()).contains(hki("2025-03-03T13:00"));
        assertThat(c.slaDue()).contains(hki("2025-03-04T10:00"));
        assertThat(slaDue(d.id())).contains(hki("2025-03-04T11:30"));

        // Monday 14:30: what breaches in the next 90 minutes, A already overdue.
        clock.set(hki("2025-03-03T14:30"));
        assertThat(dueBefore("2025-03-03T16:00")).containsExactly(a.key(), b.key());
        // Exclusive: a ticket due exactly at the bound is not "due before" it.
        assertThat(dueBefore("2025-03-04T10:00")).containsExactly(a.key(), b.key());
        assertThat(ticketing.tickets().query(TicketQuery.all().slaDueBefore(hki("2025-03-04T10:00").plusNanos(1))))
                .extracting(Ticket::key).containsExactly(a.key(), b.key(), c.key());
        assertThat(dueBefore("2025-03-05T08:00")).containsExactly(a.key(), b.key(), c.key(), d.key());
        assertThat(dueBefore("2025-03-03T13:00")).isEmpty();
        // Other criteria and keyset paging combine with it.
        assertThat(ticketing.tickets().query(TicketQuery.all().slaDueBefore(hki("2025-03-05T08:00")).after(b.key()).limit(1)))
                .extracting(Ticket::key).containsExactly(c.key());
    }

    @Test
    void theGuidesQueueOfWhatBreachesInTheNextTwoHours() throws java.io.IOException {
        Ticket a = openAt("2025-03-03T09:00"); // due 13:00
        Ticket b = openAt("2025-03-03T11:00"); // due 15:00
        openAt("2025-03-03T12:30");            // due Tuesday 08:30
        clock.set(hki("2025-03-03T13:30"));
        // tag::queue[]
        Instant now = ticketing.clock().instant();
        List<Ticket> breachingSoon = ticketing.tickets().query(TicketQuery.all().team(HR)
                .slaDueBefore(now.plus(Duration.ofHours(2))));     // overdue ones included
        // end::queue[]
        assertThat(breachingSoon).extracting(Ticket::key).containsExactly(a.key(), b.key());

        GuideSnippet.assertShown("../docs/sla.md", "due-snippet:queue", "queue",
                "src/test/java/dev/tiketti/core/sla/SlaDueQueueTest.java");
    }

    @Test
    void aBreachRecordedByItsTimerKeepsTheOverdueDueInstant() {
        Ticket a = openAt("2025-03-03T09:00");
        clock.set(hki("2025-03-03T13:05"));
        ticketing.timers().tick();
        Ticket breached = ticketing.tickets().get(a.id());
        assertThat(breached.version()).as("the breach handler wrote the ticket").isGreaterThan(a.version());
        assertThat(breached.priority()).isNotEqualTo(a.priority());
        assertThat(breached.slaDue()).contains(hki("2025-03-03T13:00"));
        assertThat(dueBefore("2025-03-03T13:05")).containsExactly(a.key());
    }

    @Test
    void waitingForTheCustomerTakesATicketOutOfTheQueueAndResumingPutsItBackLater() {
        Ticket b = openAt("2025-03-03T11:00");
        clock.set(hki("2025-03-03T12:00"));
        ticketing.tickets().transition(TransitionRequest.of(b.id(), "start", MAIJA));
        assertThat(slaDue(b.id())).contains(hki("2025-03-03T15:00"));
        ticketing.tickets().transition(TransitionRequest.of(b.id(), "ask-customer", MAIJA)); // 1 h used
        assertThat(slaDue(b.id())).isEmpty();
        assertThat(dueBefore("2025-03-10T08:00")).isEmpty();

        clock.set(hki("2025-03-04T09:00"));
        ticketing.tickets().transition(TransitionRequest.of(b.id(), "customer-replied", MAIJA));
        // 3 h of first response left from Tuesday 09:00; resolution (15 h left) later.
        assertThat(slaDue(b.id())).contains(hki("2025-03-04T12:00"));
        assertThat(dueBefore("2025-03-04T12:01")).containsExactly(b.key());
    }

    @Test
    void meetingTheFirstResponseMovesTheDueToResolutionAndResolvingClearsIt() {
        Ticket a = openAt("2025-03-03T09:00");
        clock.set(hki("2025-03-03T10:00"));
        ticketing.tickets().addEntry(NewEntry.reply(a.id(), MAIJA, "Selvitämme asian."));
        // Resolution: 16 business hours from Monday 09:00 is Wednesday 09:00.
        assertThat(slaDue(a.id())).contains(hki("2025-03-05T09:00"));
        assertThat(dueBefore("2025-03-04T16:00")).isEmpty();
        assertThat(dueBefore("2025-03-05T09:01")).containsExactly(a.key());

        ticketing.tickets().transition(TransitionRequest.of(a.id(), "start", MAIJA));
        ticketing.tickets().transition(TransitionRequest.of(a.id(), "resolve", MAIJA).resolution("Lomapäivät korjattu."));
        assertThat(slaDue(a.id())).isEmpty();
        assertThat(dueBefore("2030-01-01T00:00")).isEmpty();
    }

    @Test
    void meetingTheOnlyTargetClearsTheDue() {
        Ticketing firstResponseOnly = ticketing(clock, Optional.of(policies(false)));
        Contact requester = register(firstResponseOnly);
        Ticket t = openAt(firstResponseOnly, requester, "2025-03-03T09:00");
        assertThat(t.slaDue()).contains(hki("2025-03-03T13:00"));
        clock.set(hki("2025-03-03T10:00"));
        firstResponseOnly.tickets().addEntry(NewEntry.reply(t.id(), MAIJA, "Selvitämme asian."));
        assertThat(firstResponseOnly.tickets().get(t.id()).slaDue()).isEmpty();
        assertThat(firstResponseOnly.tickets().query(TicketQuery.all().slaDueBefore(hki("2030-01-01T00:00")))).isEmpty();
    }

    @Test
    void withoutSlaPoliciesNoTicketHasADue() {
        Ticketing plain = ticketing(clock, Optional.empty());
        Contact requester = register(plain);
        Ticket t = openAt(plain, requester, "2025-03-03T09:00");
        plain.tickets().transition(TransitionRequest.of(t.id(), "start", MAIJA));
        assertThat(plain.tickets().get(t.id()).slaDue()).isEmpty();
        assertThat(plain.tickets().query(TicketQuery.all().slaDueBefore(hki("2030-01-01T00:00")))).isEmpty();
    }
}

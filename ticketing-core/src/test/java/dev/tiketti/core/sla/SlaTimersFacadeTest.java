package dev.tiketti.core.sla;

import static dev.tiketti.core.sla.SlaClockStory.hki;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.inmemory.InMemoryTimerStore;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TransitionRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SLA timers wired into {@link Ticketing}: scheduled by every change, fired by
 * {@code ticketing.timers().tick()} on a pinned clock, with the Finnish calendar.
 */
class SlaTimersFacadeTest {
    static final TeamId HR = TeamId.of("hr");
    static final AgentId LEAD = AgentId.of("hanna.lehtonen");
    static final Actor MAIJA = Actor.agent("maija.virtanen", "hr");

    /** A clock the test moves by hand; safe to read from several threads. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static SlaPolicies policies() {
        return SlaPolicies.builder()
                .calendar("office", BusinessCalendars.finland())
                .policy(SlaPolicy.builder("standard", "office")
                        .firstResponse(Duration.ofHours(4))
                        .resolution(Duration.ofHours(24))
                        .warnAt(75, Escalation.notifyTeamLead())
                        .warnAt(90)
                        .atBreach(Escalation.raisePriority(), Escalation.notifyTeamLead())
                        .build())
                .fallback("standard")
                .build();
    }

    static ReminderRule unassigned() {
        return ReminderRule.unassignedFor("unassigned-2h", Duration.ofHours(2), BusinessCalendars.finland())
                .forTeam(HR).notifyingTeam();
    }

    static void define(Ticketing ticketing) {
        ticketing.definitions().publishWorkflow(SlaClockFacadeTest.workflow());
        ticketing.definitions().defineType(new TicketType("annual-leave", HR, "HR", "Annual leave question", "hr-general", List.of()));
    }

    TestClock clock;
    InMemoryTimerStore store;
    RecordingOutboundTransport outbox;
    List<TicketEvent> events;
    Ticketing ticketing;
    Contact aino;

    @BeforeEach
    void setUp() {
        clock = new TestClock(hki("2023-12-29T15:30")); // Friday before the New Year weekend
        outbox = new RecordingOutboundTransport();
        events = new CopyOnWriteArrayList<>();
        store = new InMemoryTimerStore(clock);
        // The store is wired explicitly so that the tests can look at the timers the facade schedules.
        // tag::wiring[]
        ticketing = Ticketing.builder()
                .outboundTransport(outbox)
                .timerStore(store)                 // shared by every node; inMemory() would fill one
                .inMemory()
                .clock(clock)
                .slaPolicies(policies())           // calendars, policies, rules and fallback
                .reminder(ReminderRule.unassignedFor("unassigned-2h", Duration.ofHours(2), BusinessCalendars.finland())
                        .forTeam(HR).notifyingTeam())
                .teamLead(HR, LEAD)                // for notifyTeamLead() and reassignToTeamLead()
                .timerOwner("helpdesk-node-1")     // optional: owner id, timerLease, timerPollInterval
                .listener(events::add)
                .build();
        // end::wiring[]
        define(ticketing);
        aino = ticketing.privacy().register().save(Contact.withEmail("Aino Järvinen", "aino.jarvinen@example.fi",
                AssuranceLevel.LOW));
    }

    TicketId open() {
        return ticketing.tickets().open(OpenTicket.of("annual-leave", aino.id(), "Lomapäivät", Channel.EMAIL)
                .body("Hei, lomapäiväni puuttuvat.")).id();
    }

    <T extends TicketEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<TicketEvent.SlaWarning> warnings(SlaTarget target, int percent) {
        return events(TicketEvent.SlaWarning.class).stream()
                .filter(w -> w.target() == target && w.percent() == percent).toList();
    }

    List<TicketEvent.SlaBreached> breaches(SlaTarget target) {
        return events(TicketEvent.SlaBreached.class).stream().filter(b -> b.target() == target).toList();
    }

    void tickAt(String localDateTime) {
        clock.set(hki(localDateTime));
        ticketing.timers().tick();
    }

    @Test
    void warningFiresOnceAtSeventyFivePercentAndTheBreachJustAfterDue() {
        TicketId id = open();
        // First response: 30 min on Friday, then Tuesday 2 Jan (1 Jan is New Year's Day): due 11:30.
        assertThat(ticketing.sla().clocks(id).clock(SlaTarget.FIRST_RESPONSE).orElseThrow().due())
                .contains(hki("2024-01-02T11:30"));

        tickAt("2023-12-29T16:30");
        tickAt("2023-12-30T12:00");
        tickAt("2024-01-01T10:00");
        tickAt("2024-01-02T10:29:59");
        assertThat(warnings(SlaTarget.FIRST_RESPONSE, 75)).isEmpty();

        tickAt("2024-01-02T10:30"); // 3 of 4 business hours used
        tickAt("2024-01-02T10:31");
        assertThat(warnings(SlaTarget.FIRST_RESPONSE, 75)).singleElement().satisfies(w -> {
            assertThat(w.ticketId()).isEqualTo(id);
            assertThat(w.crossedAt()).isEqualTo(hki("2024-01-02T10:30"));
            assertThat(w.due()).isEqualTo(hki("2024-01-02T11:30"));
            assertThat(w.at()).isEqualTo(hki("2024-01-02T10:30"));
            assertThat(w.actor()).isEqualTo(Actor.system());
        });
        assertThat(outbox.sent()).filteredOn(m -> m.to().equals(new OutboundMessage.ToAgent(LEAD)))
                .singleElement().satisfies(m -> assertThat(m.subject()).contains("FIRST_RESPONSE 75 %"));

        tickAt("2024-01-02T11:06"); // 90 %
        assertThat(warnings(SlaTarget.FIRST_RESPONSE, 90)).hasSize(1);
        tickAt("2024-01-02T11:30"); // an answer exactly at the due instant is on time
        assertThat(breaches(SlaTarget.FIRST_RESPONSE)).isEmpty();

        clock.set(hki("2024-01-02T11:30").plusNanos(1));
        ticketing.timers().tick();
        tickAt("2024-01-02T12:00");
        tickAt("2024-01-03T12:00");
        assertThat(breaches(SlaTarget.FIRST_RESPONSE)).singleElement().satisfies(b -> {
            assertThat(b.due()).isEqualTo(hki("2024-01-02T11:30"));
            assertThat(b.at()).isEqualTo(hki("2024-01-02T11:30").plusNanos(1));
        });
        // Escalation: priority raised once, recorded in the history by the system.
        assertThat(ticketing.tickets().get(id).priority()).isEqualTo(Priority.HIGH);
        List<HistoryEntry> bySystem = ticketing.tickets().history(id).stream()
                .filter(h -> h.actor().equals(Actor.system())).toList();
        assertThat(bySystem).anySatisfy(h -> assertThat(h.changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("priority");
            assertThat(c.to()).contains("HIGH");
        }));
        assertThat(warnings(SlaTarget.FIRST_RESPONSE, 75)).hasSize(1);
        assertThat(warnings(SlaTarget.FIRST_RESPONSE, 90)).hasSize(1);
        // The facade's clocks say the same.
        assertThat(ticketing.sla().clocks(id).clock(SlaTarget.FIRST_RESPONSE).orElseThrow().status())
                .isEqualTo(SlaClockStatus.BREACHED);
    }

    @Test
    void aWarningDueAtNightIsSentAtTheNextOpening() {
        clock.set(hki("2024-01-02T12:30")); // Tuesday; 75 % of 4 h is reached at 15:30
        TicketId id = open();
        clock.set(hki("2024-01-02T22:00")); // the host's first tick is late, after closing
        TimerId warning = TimerId.forTicket(SlaTimerKinds.WARNING, id, "first-response/75");
        // The warning's own claim completes; a timer of its own holds the sending back until 08:00.
        assertThat(ticketing.timers().tick()).extracting(f -> f.id()).contains(warning);
        assertThat(store.find(warning)).hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(TimerState.FIRED));
        assertThat(store.find(TimerId.forTicket(SlaTimerKinds.DEFERRED, id, "sla.warning/first-response/75")))
                .hasValueSatisfying(t -> assertThat(t.due()).isEqualTo(hki("2024-01-03T08:00")));
        assertThat(warnings(SlaTarget.FIRST_RESPONSE, 75)).isEmpty();
        tickAt("2024-01-03T03:00");
        tickAt("2024-01-03T07:59");
        assertThat(warnings(SlaTarget.FIRST_RESPONSE, 75)).isEmpty();
        assertThat(outbox.sent()).isEmpty();

        tickAt("2024-01-03T08:00");
        assertThat(warnings(SlaTarget.FIRST_RESPONSE, 75)).singleElement().satisfies(w -> {
            assertThat(w.crossedAt()).isEqualTo(hki("2024-01-02T15:30"));
            assertThat(w.at()).isEqualTo(hki("2024-01-03T08:00"));
        });
        tickAt("2024-01-03T08:10");
        assertThat(warnings(SlaTarget.FIRST_RESPONSE, 75)).hasSize(1);
        assertThat(ticketing.tickets().get(id).priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void aBreachAtNightIsRecordedAtOnceButTheLeadHearsOfItAtOpening() {
        clock.set(hki("2024-01-02T13:00")); // first response due Wednesday 09:00 (3 h on Tuesday, 1 h on Wednesday)
        TicketId id = open();
        tickAt("2024-01-02T15:00"); // 75 % at 16:00 exactly = closing time: not yet crossed
        assertThat(warnings(SlaTarget.FIRST_RESPONSE, 75)).isEmpty();
        tickAt("2024-01-03T08:30");
        assertThat(warnings(SlaTarget.FIRST_RESPONSE, 75)).hasSize(1);
        outbox.clear();

        tickAt("2024-01-03T20:00"); // the breach at Wed 09:00 is noticed in the evening
        assertThat(breaches(SlaTarget.FIRST_RESPONSE)).singleElement()
                .satisfies(b -> assertThat(b.due()).isEqualTo(hki("2024-01-03T09:00")));
        assertThat(ticketing.tickets().get(id).priority()).isEqualTo(Priority.HIGH);
        assertThat(outbox.sent()).filteredOn(m -> m.subject().contains("breached")).isEmpty();

        tickAt("2024-01-04T07:00");
        assertThat(outbox.sent()).filteredOn(m -> m.subject().contains("breached")).isEmpty();
        tickAt("2024-01-04T08:00");
        tickAt("2024-01-04T09:00");
        assertThat(outbox.sent()).filteredOn(m -> m.subject().contains("breached FIRST_RESPONSE")
                || m.subject().contains("breached: FIRST_RESPONSE")).singleElement()
                .satisfies(m -> assertThat(m.to()).isEqualTo(new OutboundMessage.ToAgent(LEAD)));
        assertThat(breaches(SlaTarget.FIRST_RESPONSE)).hasSize(1);
        assertThat(ticketing.tickets().get(id).priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void aPublicReplyBeforeDueMeetsTheTargetAndCancelsItsTimers() {
        TicketId id = open();
        TimerId breach = TimerId.forTicket(SlaTimerKinds.BREACH, id, "first-response");
        assertThat(store.find(breach)).hasValueSatisfying(t ->
                assertThat(t.due()).isEqualTo(hki("2024-01-02T11:30").plusNanos(1)));

        clock.set(hki("2024-01-02T10:00"));
        ticketing.tickets().addEntry(NewEntry.reply(id, MAIJA, "Tarkistan asian."));
        assertThat(events(TicketEvent.SlaMet.class)).singleElement().satisfies(m -> {
            assertThat(m.target()).isEqualTo(SlaTarget.FIRST_RESPONSE);
            assertThat(m.onTime()).isTrue();
            assertThat(m.actor()).isEqualTo(MAIJA);
            assertThat(m.at()).isEqualTo(hki("2024-01-02T10:00"));
        });
        assertThat(store.find(breach)).isEmpty();
        assertThat(store.find(TimerId.forTicket(SlaTimerKinds.WARNING, id, "first-response/75"))).isEmpty();

        tickAt("2024-01-02T12:00");
        tickAt("2024-01-03T12:00");
        assertThat(breaches(SlaTarget.FIRST_RESPONSE)).isEmpty();
        assertThat(warnings(SlaTarget.FIRST_RESPONSE, 75)).isEmpty();
        // Another reply meets nothing new.
        ticketing.tickets().addEntry(NewEntry.reply(id, MAIJA, "Lisätieto."));
        assertThat(events(TicketEvent.SlaMet.class)).hasSize(1);
    }

    @Test
    void waitingForTheCustomerPausesAndMovesTheTimers() {
        TicketId id = open();
        TimerId breach = TimerId.forTicket(SlaTimerKinds.BREACH, id, "first-response");
        clock.set(hki("2024-01-02T08:30"));
        ticketing.tickets().transition(TransitionRequest.of(id, "start", MAIJA));
        clock.set(hki("2024-01-02T09:00")); // 1.5 h used
        ticketing.tickets().transition(TransitionRequest.of(id, "ask-customer", MAIJA));
        assertThat(store.find(breach)).isEmpty();
        assertThat(ticketing.sla().clocks(id).clock(SlaTarget.FIRST_RESPONSE).orElseThrow().status())
                .isEqualTo(SlaClockStatus.PAUSED);

        tickAt("2024-01-02T11:31"); // the old due instant passes while paused
        tickAt("2024-01-03T09:00");
        assertThat(breaches(SlaTarget.FIRST_RESPONSE)).isEmpty();
        assertThat(warnings(SlaTarget.FIRST_RESPONSE, 75)).isEmpty();

        clock.set(hki("2024-01-03T10:00"));
        ticketing.tickets().transition(TransitionRequest.of(id, "customer-replied", MAIJA));
        // 2.5 h left from Wednesday 10:00.
        assertThat(store.find(breach)).hasValueSatisfying(t ->
                assertThat(t.due()).isEqualTo(hki("2024-01-03T12:30").plusNanos(1)));
        assertThat(store.find(TimerId.forTicket(SlaTimerKinds.WARNING, id, "first-response/75")))
                .hasValueSatisfying(t -> assertThat(t.due()).isEqualTo(hki("2024-01-03T11:30")));
        tickAt("2024-01-03T11:30");
        assertThat(warnings(SlaTarget.FIRST_RESPONSE, 75)).hasSize(1);
        tickAt("2024-01-03T12:31");
        assertThat(breaches(SlaTarget.FIRST_RESPONSE)).singleElement()
                .satisfies(b -> assertThat(b.due()).isEqualTo(hki("2024-01-03T12:30")));
    }

    @Test
    void reminderUnassignedForTwoBusinessHoursFiresOnceAndNotAfterAssignment() {
        TicketId forgotten = open();
        TicketId taken = open();
        clock.set(hki("2024-01-02T09:00"));
        ticketing.tickets().transition(TransitionRequest.of(taken, "start", MAIJA)); // assigns Maija

        tickAt("2024-01-02T09:29");
        assertThat(events(TicketEvent.ReminderDue.class)).isEmpty();
        tickAt("2024-01-02T09:30"); // 30 min on Friday + 1.5 h on Tuesday
        tickAt("2024-01-02T10:00");
        tickAt("2024-01-03T10:00");
        assertThat(events(TicketEvent.ReminderDue.class)).singleElement().satisfies(r -> {
            assertThat(r.ticketId()).isEqualTo(forgotten);
            assertThat(r.rule()).isEqualTo("unassigned-2h");
            assertThat(r.since()).isEqualTo(hki("2023-12-29T15:30"));
            assertThat(r.at()).isEqualTo(hki("2024-01-02T09:30"));
        });
        assertThat(outbox.sent()).filteredOn(m -> m.to().equals(new OutboundMessage.ToTeam(HR))
                && m.subject().contains("Reminder")).hasSize(1);

        // Assigned and unassigned again: a new 2-hour period starts.
        clock.set(hki("2024-01-03T10:00"));
        ticketing.tickets().transition(TransitionRequest.of(forgotten, "start", MAIJA));
        clock.set(hki("2024-01-03T11:00"));
        ticketing.tickets().update(dev.tiketti.core.ticket.TicketUpdate.of(forgotten, MAIJA).unassign());
        tickAt("2024-01-03T12:59");
        assertThat(events(TicketEvent.ReminderDue.class)).hasSize(1);
        tickAt("2024-01-03T13:00");
        assertThat(events(TicketEvent.ReminderDue.class)).hasSize(2).last()
                .satisfies(r -> assertThat(r.since()).isEqualTo(hki("2024-01-03T11:00")));
    }

    @Test
    void aWorkflowUpgradeIntoAWaitingStatePausesTheClocksAndCancelsTheTimers() {
        TicketId id = open();
        TimerId breach = TimerId.forTicket(SlaTimerKinds.BREACH, id, "first-response");
        assertThat(store.find(breach)).isPresent();
        ticketing.definitions().publishWorkflow(dev.tiketti.core.workflow.WorkflowDefinition.builder("hr-general")
                .state("NEW", dev.tiketti.core.ticket.StateCategory.NEW)
                .state("ON_HOLD", dev.tiketti.core.ticket.StateCategory.WAITING)
                .state("RESOLVED", dev.tiketti.core.ticket.StateCategory.RESOLVED)
                .state("CLOSED", dev.tiketti.core.ticket.StateCategory.CLOSED)
                .transition("hold").from("NEW").to("ON_HOLD")
                .transition("resolve").from("NEW", "ON_HOLD").to("RESOLVED")
                .transition("close").from("RESOLVED").to("CLOSED")
                .build());
        clock.set(hki("2024-01-02T09:00"));
        ticketing.tickets().upgradeWorkflow(id, java.util.Map.of("NEW", "ON_HOLD"), MAIJA);

        assertThat(ticketing.sla().clocks(id).clock(SlaTarget.FIRST_RESPONSE).orElseThrow().status())
                .isEqualTo(SlaClockStatus.PAUSED);
        assertThat(store.find(breach)).isEmpty();
        tickAt("2024-01-05T12:00");
        assertThat(breaches(SlaTarget.FIRST_RESPONSE)).isEmpty();
    }

    /**
     * Regression: an escalation that raises the priority into a policy without some target left
     * that target's timers behind (found by SlaFacadeProperties once it ran on a fixed seed).
     */
    @Test
    void anEscalationIntoAPolicyWithoutATargetCancelsThatTargetsTimers() {
        // standard: first and next response, resolution, raisePriority at breach;
        // URGENT tickets follow urgent, which has no next response
        Ticketing t = Ticketing.builder().timerStore(store).inMemory().clock(clock)
                .slaPolicies(SlaFacadeProperties.policies()).teamLead(HR, LEAD).build();
        define(t);
        Contact eero = t.privacy().register().save(Contact.withEmail("Eero Laine", "eero.laine@example.com", AssuranceLevel.LOW));
        TicketId id = t.tickets().open(OpenTicket.of("annual-leave", eero.id(), "Lomat", Channel.EMAIL).body("Hei")
                .priority(Priority.HIGH)).id();
        clock.set(hki("2024-01-02T09:00"));
        t.tickets().addEntry(NewEntry.reply(id, MAIJA, "Selvitän."));              // first response met
        clock.set(hki("2024-01-04T10:00"));
        t.tickets().addEntry(NewEntry.inbound(id, Actor.contact(eero.id()), Channel.EMAIL, "Vielä yksi asia."));
        String nextResponse = SlaTimerKinds.qualifier(SlaTarget.NEXT_RESPONSE);
        TimerId breach = TimerId.forTicket(SlaTimerKinds.BREACH, id, nextResponse);
        assertThat(store.find(breach)).hasValueSatisfying(timer -> assertThat(timer.state())
                .isEqualTo(TimerState.PENDING));
        assertThat(store.find(TimerId.forTicket(SlaTimerKinds.WARNING, id, nextResponse + "/90"))).isPresent();

        clock.set(hki("2024-01-04T15:45")); // the resolution breaches (24 h of business time since Friday)
        t.timers().tick();

        assertThat(t.tickets().get(id).priority()).isEqualTo(Priority.URGENT);
        assertThat(t.sla().policy(id).name()).isEqualTo("urgent");
        assertThat(t.sla().clocks(id).clock(SlaTarget.NEXT_RESPONSE)).isEmpty();
        assertThat(store.find(breach)).as("next-response breach timer").isEmpty();
        for (int percent : List.of(75, 90)) {
            assertThat(store.find(TimerId.forTicket(SlaTimerKinds.WARNING, id, nextResponse + "/" + percent)))
                    .as("next-response warning timer %s", percent).isEmpty();
        }
    }

    @Test
    void facadeWithoutSlaRefusesClocksAndTimers() {
        Ticketing plain = Ticketing.builder().inMemory().clock(clock).build();
        define(plain);
        Contact c = plain.privacy().register().save(Contact.withEmail("Eero Mäkelä", "eero.makela@example.fi",
                AssuranceLevel.LOW));
        TicketId id = plain.tickets().open(OpenTicket.of("annual-leave", c.id(), "Kysymys", Channel.EMAIL).body("Hei")).id();
        assertThatThrownBy(() -> plain.sla().clocks(id)).isInstanceOfSatisfying(TicketingException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SLA_NOT_CONFIGURED);
                    assertThat(e.getMessage()).contains("slaPolicies(");
                });
        assertThatThrownBy(plain::timers).isInstanceOfSatisfying(TicketingException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.SLA_NOT_CONFIGURED));
    }

    @Test
    void builderChecksTheSlaOptions() {
        assertThatThrownBy(() -> Ticketing.builder().slaPolicies(policies()).slaPolicies(policies()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("slaPolicies was already set");
        assertThatThrownBy(() -> Ticketing.builder().reminder(unassigned()).reminder(unassigned()))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REMINDER_RULE));
        assertThatThrownBy(() -> Ticketing.builder().timerLease(Duration.ZERO))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TIMER_CONFIGURATION));
        assertThatThrownBy(() -> ReminderRule.unassignedFor("bad name", Duration.ofHours(-1), BusinessCalendars.finland()))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REMINDER_RULE);
                    assertThat(e.problems()).hasSize(2);
                });
        // SLA without a timer store is reported by build() with the other missing slots.
        assertThatThrownBy(() -> Ticketing.builder().ticketStore(new dev.tiketti.core.inmemory.InMemoryTicketStore())
                .slaPolicies(policies()).build())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("timerStore is not set")));
    }

    @Test
    void guideShowsTheWiringAsTested() throws java.io.IOException {
        GuideSnippet.assertShown("../docs/sla.md", "timers-snippet:wiring", "wiring",
                "src/test/java/dev/tiketti/core/sla/SlaTimersFacadeTest.java");
    }
}

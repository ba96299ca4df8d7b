package dev.tiketti.core.sla;

import static dev.tiketti.core.Theories.qt;
import static dev.tiketti.core.sla.SlaClockStory.hki;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.inmemory.InMemoryTimerStore;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.ticket.NewEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketUpdate;
import dev.tiketti.core.ticket.TransitionRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * After any sequence of changes (and ticks of the timer service), the clocks the facade shows are
 * the clocks recomputed from the stored history, and the scheduled breach and warning timers follow
 * them: present at the live due instant while a target counts, absent while it is paused, met or
 * gone with a change of policy (but for a breach timer spent by the very escalation that changed the
 * policy); the stored {@link Ticket#slaDue()} is the live clocks' {@link SlaClocks#nextDue()}.
 */
class SlaFacadeProperties {

    enum Action { REPLY, INBOUND, NOTE, START, ASK, CUSTOMER_REPLIED, RESOLVE, CLOSE, PRIORITY, TICK }

    record Step(Action action, int minutes, Priority priority) {
    }

    static Gen<List<Step>> stories() {
        Gen<Step> step = Generate.enumValues(Action.class).zip(integers().between(0, 1500),
                Generate.enumValues(Priority.class), Step::new);
        return lists().of(step).ofSizeBetween(1, 25);
    }

    static SlaPolicies policies() {
        return SlaPolicies.builder()
                .calendar("office", BusinessCalendars.finland())
                .policy(SlaPolicy.builder("standard", "office")
                        .firstResponse(Duration.ofHours(4)).nextResponse(Duration.ofHours(8))
                        .resolution(Duration.ofHours(24))
                        .warnAt(75, Escalation.notifyTeamLead()).warnAt(90)
                        .atBreach(Escalation.raisePriority()).build())
                .policy(SlaPolicy.builder("urgent", "office")
                        .firstResponse(Duration.ofHours(1)).resolution(Duration.ofHours(8))
                        .warnAt(50).atBreach(Escalation.reassignToTeamLead()).build())
                .rule(SlaRule.use("urgent").whenPriority(Priority.URGENT))
                .fallback("standard")
                .build();
    }

    @Test
    void facadeClocksEqualRecomputedClocksAndTimersFollowThem() {
        qt(60, 300).forAll(stories()).checkAssert(SlaFacadeProperties::clocksAndTimersFollowTheStory);
    }

    private static void clocksAndTimersFollowTheStory(List<Step> story) {
        SlaTimersFacadeTest.TestClock clock = new SlaTimersFacadeTest.TestClock(hki("2023-12-29T15:30"));
        InMemoryTimerStore store = new InMemoryTimerStore(clock);
        SlaPolicies policies = policies();
        List<TicketEvent> events = new ArrayList<>();
        Ticketing ticketing = Ticketing.builder().timerStore(store).inMemory().clock(clock).slaPolicies(policies)
                .teamLead(SlaTimersFacadeTest.HR, SlaTimersFacadeTest.LEAD).listener(events::add).build();
        SlaTimersFacadeTest.define(ticketing);
        Contact aino = ticketing.privacy().register().save(Contact.withEmail("Aino Järvinen", "aino.jarvinen@example.fi",
                AssuranceLevel.LOW));
        Actor maija = Actor.agent("maija.virtanen", "hr");
        TicketId id = ticketing.tickets().open(OpenTicket.of("annual-leave", aino.id(), "Lomat", Channel.EMAIL).body("Hei")).id();
        check(ticketing, store, policies, id);
        for (Step s : story) {
            clock.set(clock.instant().plus(Duration.ofMinutes(s.minutes())));
            try {
                switch (s.action()) {
                    case REPLY -> ticketing.tickets().addEntry(NewEntry.reply(id, maija, "Vastaus"));
                    case INBOUND -> ticketing.tickets().addEntry(NewEntry.inbound(id, Actor.contact(aino.id()), Channel.EMAIL, "Lisää"));
                    case NOTE -> ticketing.tickets().addEntry(NewEntry.note(id, maija, "Muistiinpano"));
                    case START -> ticketing.tickets().transition(TransitionRequest.of(id, "start", maija));
                    case ASK -> ticketing.tickets().transition(TransitionRequest.of(id, "ask-customer", maija));
                    case CUSTOMER_REPLIED -> ticketing.tickets().transition(TransitionRequest.of(id, "customer-replied", maija));
                    case RESOLVE -> ticketing.tickets().transition(TransitionRequest.of(id, "resolve", maija).resolution("Tehty"));
                    case CLOSE -> ticketing.tickets().transition(TransitionRequest.of(id, "close", maija));
                    case PRIORITY -> ticketing.tickets().update(TicketUpdate.of(id, maija).priority(s.priority()));
                    case TICK -> ticketing.timers().tick();
                }
            } catch (TicketingException refused) {
                // a transition not offered from the current state: nothing changed
            }
            check(ticketing, store, policies, id);
        }
        // Whatever the order of changes and ticks: each warning and each breach at most once.
        assertThat(events.stream().filter(TicketEvent.SlaWarning.class::isInstance).map(TicketEvent.SlaWarning.class::cast)
                .map(w -> w.target() + "/" + w.percent() + "/" + w.crossedAt()))
                .doesNotHaveDuplicates();
        assertThat(events.stream().filter(TicketEvent.SlaBreached.class::isInstance)
                .map(TicketEvent.SlaBreached.class::cast).map(b -> b.target() + "/" + b.due()))
                .doesNotHaveDuplicates();
    }

    private static void check(Ticketing ticketing, InMemoryTimerStore store, SlaPolicies policies, TicketId id) {
        Ticket ticket = ticketing.tickets().get(id);
        SlaPolicy policy = ticketing.sla().policy(id);
        SlaClocks live = ticketing.sla().clocks(id);
        SlaClocks recomputed = SlaClocks.compute(ticket, ticketing.tickets().history(id), ticketing.tickets().timeline(id),
                ticketing.definitions().workflow(ticket.workflowId(), ticket.workflowVersion()).orElseThrow(), policy,
                policies.calendarOf(policy), ticketing.clock().instant());
        assertThat(live).isEqualTo(recomputed);
        // The stored denormalised due is what the live clocks say: a due instant moves only at a change.
        assertThat(ticket.slaDue()).as("Ticket.slaDue").isEqualTo(live.nextDue());
        for (SlaTarget target : SlaTarget.values()) {
            Optional<SlaClock> clock = live.clock(target);
            TimerId breach = TimerId.forTicket(SlaTimerKinds.BREACH, id, SlaTimerKinds.qualifier(target));
            if (clock.isEmpty() || !clock.get().counting()) {
                Optional<ScheduledTimer> left = store.find(breach);
                // One exception: the escalation of this target's breach raised the priority, which may
                // choose a policy without the target. The handler cannot cancel the timer it is completing,
                // so that timer stays, spent (FIRED: it never fires again unless scheduled afresh).
                if (left.isPresent() && left.get().state() == TimerState.FIRED) {
                    String ledger = "sla." + SlaTimerKinds.qualifier(target);
                    assertThat(ticketing.tickets().history(id)).as("a spent breach timer of %s without a priority-raising "
                            + "escalation of its breach", target).anySatisfy(h -> assertThat(h.changes())
                            .extracting(c -> c.field()).contains(ledger, "priority"));
                } else {
                    assertThat(left).as("breach timer of %s, not counting", target).isEmpty();
                }
                for (int percent : List.of(50, 75, 90)) { // every threshold of the two policies
                    TimerId warning = TimerId.forTicket(SlaTimerKinds.WARNING, id,
                            SlaTimerKinds.qualifier(target) + "/" + percent);
                    assertThat(store.find(warning)).as("warning timer %s of %s, not counting", percent, target)
                            .isEmpty();
                }
            } else if (!clock.get().breached()) {
                assertThat(store.find(breach)).as("breach timer of %s", target)
                        .hasValueSatisfying(t -> assertThat(t.due()).isEqualTo(clock.get().due().orElseThrow().plusNanos(1)));
                for (SlaClockWarning w : clock.get().warnings()) {
                    if (!w.crossed()) {
                        TimerId warning = TimerId.forTicket(SlaTimerKinds.WARNING, id,
                                SlaTimerKinds.qualifier(target) + "/" + w.threshold().percent());
                        assertThat(store.find(warning)).as("warning timer %s of %s", w.threshold().percent(), target)
                                .hasValueSatisfying(t -> assertThat(t.due()).isEqualTo(w.at().orElseThrow()));
                    }
                }
            }
        }
    }
}

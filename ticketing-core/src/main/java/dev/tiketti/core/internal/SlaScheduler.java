package dev.tiketti.core.internal;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.sla.ReminderRule;
import dev.tiketti.core.sla.SlaClock;
import dev.tiketti.core.sla.SlaClockWarning;
import dev.tiketti.core.sla.SlaClocks;
import dev.tiketti.core.sla.SlaPolicies;
import dev.tiketti.core.sla.SlaPolicy;
import dev.tiketti.core.sla.SlaSubject;
import dev.tiketti.core.sla.SlaTarget;
import dev.tiketti.core.sla.SlaTimerKinds;
import dev.tiketti.core.sla.TimerId;
import dev.tiketti.core.sla.TimerKind;
import dev.tiketti.core.sla.TimerRequest;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.TimerStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.timer.TimerHandler;
import dev.tiketti.core.workflow.StateDefinition;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * SLA and reminder timers of the facade: what a change of a ticket does to its clocks and timers,
 * computed before the change is stored and (re)scheduled inside its unit of work. What firing a
 * timer does is {@link SlaTimerHandlers}'. Not API.
 */
public final class SlaScheduler {
    private final Optional<SlaPolicies> policies;
    private final List<ReminderRule> reminders;
    private final TicketStore tickets;
    private final DefinitionStore definitions;
    private final TimerStore timers;
    private final Clock clock;
    private final Set<Integer> allPercents;
    private final SlaTimerHandlers handlers;

    public SlaScheduler(Optional<SlaPolicies> policies, List<ReminderRule> reminders, Map<TeamId, AgentId> leads,
                        Map<AgentId, AgentId> pairs, TicketStore tickets, DefinitionStore definitions, TimerStore timers,
                        Transactions transactions, Clock clock, Dispatcher delivery) {
        this.policies = policies;
        this.reminders = List.copyOf(reminders);
        this.tickets = tickets;
        this.definitions = definitions;
        this.timers = timers;
        this.clock = clock;
        Set<Integer> percents = new TreeSet<>();
        policies.ifPresent(p -> p.policies().forEach(pol -> pol.warnings().forEach(w -> percents.add(w.percent()))));
        this.allPercents = Set.copyOf(percents);
        this.handlers = new SlaTimerHandlers(this, policies, this.reminders, leads, pairs, tickets, timers,
                transactions, clock, delivery);
    }

    /** The handlers of the timer kinds this scheduler uses. */
    public Map<TimerKind, TimerHandler> handlers() {
        return handlers.handlers();
    }

    // ------------------------------------------------------------------ clocks

    /** The ticket's clocks as of {@code now}, recomputed from its stored history. */
    public SlaClocks clocks(Ticket ticket, Instant now) {
        return clocks(ticket, tickets.history(ticket.id()), tickets.timeline(ticket.id()), now);
    }

    SlaClocks clocks(Ticket ticket, List<HistoryEntry> history, List<TimelineEntry> timeline, Instant now) {
        SlaPolicies sla = policies.orElseThrow(ConfigProblems::slaClocksNotConfigured);
        SlaPolicy policy = sla.policyFor(subject(ticket));
        Instant at = now.isBefore(ticket.createdAt()) ? ticket.createdAt() : now;
        return SlaClocks.compute(ticket, history, timeline, categories(ticket), policy, sla.calendarOf(policy), at);
    }

    /**
     * A ticket before a change: its clocks (to tell which targets the change meets) and the history
     * and timeline they were computed from, read once and reused by {@link #plan} for the clocks
     * after the change. A concurrent change in between makes the versioned update fail anyway.
     *
     * @param clocks   empty without SLA policies
     * @param history  the stored history; empty if neither SLA policies nor reminder rules need it
     * @param timeline the stored timeline; empty without SLA policies
     */
    public record Before(Map<SlaTarget, SlaClock> clocks, List<HistoryEntry> history, List<TimelineEntry> timeline) {
        /** A ticket being opened: nothing is stored yet. */
        public static final Before OPENING = new Before(Map.of(), List.of(), List.of());
    }

    /** Reads what {@link #plan} and the SlaMet events of a change of {@code ticket} need, once. */
    public Before before(Ticket ticket) {
        if (policies.isEmpty()) {
            return new Before(Map.of(), reminders.isEmpty() ? List.of() : tickets.history(ticket.id()), List.of());
        }
        List<HistoryEntry> history = tickets.history(ticket.id());
        List<TimelineEntry> timeline = tickets.timeline(ticket.id());
        Instant now = ticket.updatedAt().isAfter(clock.instant()) ? ticket.updatedAt() : clock.instant();
        return new Before(clocks(ticket, history, timeline, now).clocks(), history, timeline);
    }

    static SlaSubject subject(Ticket t) {
        return new SlaSubject(t.typeId(), t.classification(), t.priority(), t.organization());
    }

    /** State categories across the workflow versions the ticket may have followed, newest first. */
    Function<String, StateCategory> categories(Ticket ticket) {
        Map<String, StateCategory> cache = new HashMap<>();
        return state -> cache.computeIfAbsent(state, s -> {
            for (int v = ticket.workflowVersion(); v >= 1; v--) {
                Optional<WorkflowDefinition> w = definitions.findWorkflow(ticket.workflowId(), v);
                Optional<StateCategory> c = w.isEmpty() ? Optional.empty()
                        : w.get().state(s).map(StateDefinition::category);
                if (c.isPresent()) {
                    return c.get();
                }
            }
            return null; // SlaClocks reports the state as having no category (TKT-0714)
        });
    }

    // ------------------------------------------------------------------ scheduling

    /**
     * A change about to be stored: the ticket with its {@link Ticket#slaDue()} set, and the clocks
     * and history it will have once stored, so that {@link #changed} reads nothing again.
     *
     * @param clocks  the clocks as of the change; empty without SLA policies
     * @param history the ticket's whole history including the change's entries
     */
    public record Planned(Ticket ticket, Optional<SlaClocks> clocks, List<HistoryEntry> history) {
        /** A change of a Ticketing without SLA policies or reminder rules: no clock runs. */
        public static Planned withoutSla(Ticket ticket) {
            return new Planned(ticket.withSlaDue(Optional.empty()), Optional.empty(), List.of());
        }
    }

    /**
     * Computes the clocks of a change before it is stored and sets the ticket's {@code slaDue} to the
     * earliest due instant among the clocks that count (an overdue clock keeps its due instant);
     * empty when none counts or there are no SLA policies. Reads nothing: the history and timeline
     * read by {@link #before} plus the change's own entries are the ticket's once it is stored.
     *
     * @param after      the ticket as it will be stored, stamped with the change's instant
     * @param before     what {@link #before} read ({@link Before#OPENING} for a ticket being opened)
     * @param newEntries the timeline entries the change appends
     * @param newHistory the history entries the change appends
     */
    public Planned plan(Ticket after, Before before, List<TimelineEntry> newEntries, List<HistoryEntry> newHistory) {
        if (policies.isEmpty() && reminders.isEmpty()) {
            return Planned.withoutSla(after);
        }
        List<HistoryEntry> history = new ArrayList<>(before.history());
        history.addAll(newHistory);
        if (policies.isEmpty()) {
            return new Planned(after.withSlaDue(Optional.empty()), Optional.empty(), List.copyOf(history));
        }
        List<TimelineEntry> timeline = new ArrayList<>(before.timeline());
        timeline.addAll(newEntries);
        SlaClocks clocks = clocks(after, history, timeline, after.updatedAt());
        return new Planned(after.withSlaDue(clocks.nextDue()), Optional.of(clocks), List.copyOf(history));
    }

    /**
     * Re-schedules or cancels the ticket's timers after a planned change was stored, inside the
     * change's unit of work, and adds an {@code SlaMet} event for each target the change met.
     */
    public void changed(Planned planned, Map<SlaTarget, SlaClock> before, Actor actor, List<TicketEvent> events) {
        changed(planned, before, Optional.empty(), actor, events);
    }

    /**
     * As {@link #changed(Planned, Map, Actor, List)}, for a change made by the handler of the timer
     * {@code firing}: that timer is never cancelled here (its claim must stay current so that its
     * completion, in the same unit of work, succeeds); once completed it stays as a spent, fired timer.
     */
    void changed(Planned planned, Map<SlaTarget, SlaClock> before, Optional<TimerId> firing, Actor actor,
                 List<TicketEvent> events) {
        Ticket after = planned.ticket();
        Instant at = after.updatedAt();
        List<HistoryEntry> history = planned.history();
        if (planned.clocks().isPresent()) {
            SlaClocks clocks = planned.clocks().get();
            for (SlaTarget target : SlaTarget.values()) {
                SlaClock was = before.get(target);
                // Every change cancels the timers of a clock that does not count, so a clock that did
                // not count before this change has none to cancel (a fresh ticket has none at all).
                // Were one left over from an older policy, its handler re-checks the clock and does nothing.
                scheduleTarget(after, target, clocks.clock(target), history, was != null && was.counting(), firing);
                Optional<SlaClock> now = clocks.clock(target);
                if (was != null && was.open() && now.isPresent() && !now.get().open()) {
                    events.add(new TicketEvent.SlaMet(after.id(), after.key(), actor, now.get().metAt().orElse(at),
                            target, !now.get().breached()));
                }
            }
        }
        if (!reminders.isEmpty()) {
            StateCategory category = categories(after).apply(after.state());
            for (ReminderRule rule : reminders) {
                TimerId id = TimerId.forTicket(SlaTimerKinds.REMINDER, after.id(), rule.name());
                Optional<Instant> since = since(rule, after, history, category);
                if (since.isEmpty()) {
                    timers.cancel(id);
                } else if (!SlaLedger.recorded(history, SlaLedger.reminderField(rule),
                        SlaLedger.reminderMarker(since.get()))) {
                    timers.schedule(TimerRequest.of(id, rule.calendar().add(since.get(), rule.after())));
                }
            }
        }
    }

    private void scheduleTarget(Ticket t, SlaTarget target, Optional<SlaClock> clock, List<HistoryEntry> history,
                                boolean mayHaveTimers, Optional<TimerId> firing) {
        String q = SlaTimerKinds.qualifier(target);
        TimerId breach = TimerId.forTicket(SlaTimerKinds.BREACH, t.id(), q);
        Set<Integer> kept = new TreeSet<>();
        if (clock.isPresent() && clock.get().counting()) {
            SlaClock c = clock.get();
            Instant due = c.due().orElseThrow();
            if (!SlaLedger.recorded(history, SlaLedger.field(target), SlaLedger.breachMarker(due))) {
                timers.schedule(TimerRequest.of(breach, due.plusNanos(1))); // breached just after due
            }
            for (SlaClockWarning w : c.warnings()) {
                if (w.at().isPresent()) {
                    kept.add(w.threshold().percent());
                    String marker = SlaLedger.warningMarker(w.threshold().percent(), w.at().get());
                    if (!SlaLedger.recorded(history, SlaLedger.field(target), marker)) {
                        timers.schedule(TimerRequest.of(warningId(t.id(), target, w.threshold().percent()), w.at().get()));
                    }
                }
            }
        } else if (mayHaveTimers && !firing.equals(Optional.of(breach))) {
            timers.cancel(breach); // met, paused, not started or gone with the policy: resuming re-arms it
        }
        for (int p : allPercents) {
            TimerId warning = warningId(t.id(), target, p);
            if (!kept.contains(p) && mayHaveTimers && !firing.equals(Optional.of(warning))) {
                timers.cancel(warning);
            }
        }
    }

    private static TimerId warningId(TicketId id, SlaTarget target, int percent) {
        return TimerId.forTicket(SlaTimerKinds.WARNING, id, SlaTimerKinds.qualifier(target) + "/" + percent);
    }

    /** When the reminder's condition started to hold, if it holds; reminders run only in NEW and OPEN states. */
    static Optional<Instant> since(ReminderRule rule, Ticket t, List<HistoryEntry> history, StateCategory category) {
        if (!rule.appliesTo(t.team(), t.typeId()) || (category != StateCategory.NEW && category != StateCategory.OPEN)) {
            return Optional.empty();
        }
        Instant since = t.createdAt();
        if (rule.condition() == ReminderRule.Condition.UNASSIGNED) {
            if (t.assignee().isPresent()) {
                return Optional.empty();
            }
            for (HistoryEntry h : history) {
                if (h.changes().stream().anyMatch(c -> c.field().equals("assignee")) && h.at().isAfter(since)) {
                    since = h.at();
                }
            }
        } else {
            for (HistoryEntry h : history) {
                if (h.actor().kind() == Actor.Kind.AGENT && h.at().isAfter(since)) {
                    since = h.at();
                }
            }
        }
        return Optional.of(since);
    }

}

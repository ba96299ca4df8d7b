package dev.tiketti.core.internal;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.sla.BusinessCalendar;
import dev.tiketti.core.sla.ClaimedTimer;
import dev.tiketti.core.sla.Escalation;
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
import dev.tiketti.core.sla.WarningThreshold;
import dev.tiketti.core.spi.DefinitionStore;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.TimerStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.timer.TimerHandler;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.workflow.StateDefinition;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SLA and reminder timers of the facade: (re)schedules them after every change of a ticket, inside
 * its unit of work, and handles them when they fire. Not API.
 *
 * <p>Every warning, breach, breach notice and reminder that takes effect is recorded in the
 * ticket's history (an {@code UPDATED} entry by {@link Actor#system()} with a field
 * {@code sla.<target>} or {@code reminder.<rule>}), written with the ticket's optimistic version
 * together with the escalation effects. That entry is the ledger that makes each handler
 * idempotent per (timer, due instant), also across nodes sharing the stores: a re-delivered timer
 * finds its entry and does nothing.
 */
public final class SlaScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(SlaScheduler.class);
    private static final int ATTEMPTS = 5;

    private final Optional<SlaPolicies> policies;
    private final List<ReminderRule> reminders;
    private final Map<TeamId, AgentId> leads;
    private final Map<AgentId, AgentId> pairs;
    private final TicketStore tickets;
    private final DefinitionStore definitions;
    private final TimerStore timers;
    private final Transactions transactions;
    private final Clock clock;
    private final Dispatcher delivery;
    private final Set<Integer> allPercents;

    public SlaScheduler(Optional<SlaPolicies> policies, List<ReminderRule> reminders, Map<TeamId, AgentId> leads,
                        Map<AgentId, AgentId> pairs, TicketStore tickets, DefinitionStore definitions, TimerStore timers,
                        Transactions transactions, Clock clock, Dispatcher delivery) {
        this.policies = policies;
        this.reminders = List.copyOf(reminders);
        this.leads = Map.copyOf(leads);
        this.pairs = Map.copyOf(pairs);
        this.tickets = tickets;
        this.definitions = definitions;
        this.timers = timers;
        this.transactions = transactions;
        this.clock = clock;
        this.delivery = delivery;
        Set<Integer> percents = new TreeSet<>();
        policies.ifPresent(p -> p.policies().forEach(pol -> pol.warnings().forEach(w -> percents.add(w.percent()))));
        this.allPercents = Set.copyOf(percents);
    }

    /** The handlers of the timer kinds this scheduler uses. */
    public Map<TimerKind, TimerHandler> handlers() {
        Map<TimerKind, TimerHandler> h = new LinkedHashMap<>();
        h.put(SlaTimerKinds.WARNING, this::fireWarning);
        h.put(SlaTimerKinds.BREACH, this::fireBreach);
        h.put(SlaTimerKinds.BREACH_NOTICE, this::fireBreachNotice);
        h.put(SlaTimerKinds.REMINDER, this::fireReminder);
        h.put(SlaTimerKinds.DEFERRED, this::fireDeferred);
        return h;
    }

    // ------------------------------------------------------------------ clocks

    /** The ticket's clocks as of {@code now}, recomputed from its stored history. */
    public SlaClocks clocks(Ticket ticket, Instant now) {
        return clocks(ticket, tickets.history(ticket.id()), tickets.timeline(ticket.id()), now);
    }

    private SlaClocks clocks(Ticket ticket, List<HistoryEntry> history, List<TimelineEntry> timeline, Instant now) {
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

    private static SlaSubject subject(Ticket t) {
        return new SlaSubject(t.typeId(), t.classification(), t.priority(), t.organization());
    }

    /** State categories across the workflow versions the ticket may have followed, newest first. */
    private Function<String, StateCategory> categories(Ticket ticket) {
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
    private void changed(Planned planned, Map<SlaTarget, SlaClock> before, Optional<TimerId> firing, Actor actor,
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
                } else if (!recorded(history, reminderField(rule), reminderMarker(since.get()))) {
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
            if (!recorded(history, field(target), breachMarker(due))) {
                timers.schedule(TimerRequest.of(breach, due.plusNanos(1))); // breached just after due
            }
            for (SlaClockWarning w : c.warnings()) {
                if (w.at().isPresent()) {
                    kept.add(w.threshold().percent());
                    if (!recorded(history, field(target), warningMarker(w.threshold().percent(), w.at().get()))) {
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
    private static Optional<Instant> since(ReminderRule rule, Ticket t, List<HistoryEntry> history, StateCategory category) {
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

    // ------------------------------------------------------------------ ledger

    /** Instants in messages, to the second (the ledger keeps them exact). */
    private static String shown(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static String field(SlaTarget target) {
        return "sla." + SlaTimerKinds.qualifier(target);
    }

    private static String warningMarker(int percent, Instant crossedAt) {
        return "warning " + percent + "% reached " + crossedAt;
    }

    private static String breachMarker(Instant due) {
        return "breached " + due;
    }

    private static String noticeMarker(Instant due) {
        return "breach notice sent, breached " + due;
    }

    private static String reminderField(ReminderRule rule) {
        return "reminder." + rule.name();
    }

    private static String reminderMarker(Instant since) {
        return "due, condition holds since " + since;
    }

    private static boolean recorded(List<HistoryEntry> history, String field, String marker) {
        for (HistoryEntry h : history) {
            if (h.actor().kind() == Actor.Kind.SYSTEM) {
                for (FieldChange c : h.changes()) {
                    if (c.field().equals(field) && c.to().map(marker::equals).orElse(false)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ handlers

    /** What a handler's unit of work produced, delivered after it commits. */
    private record Outcome(List<TicketEvent> events, List<OutboundMessage> messages) {
        static final Outcome NONE = new Outcome(List.of(), List.of());
    }

    private record Subject(TicketId ticket, Optional<SlaTarget> target, int percent) {
    }

    private static Subject parse(ClaimedTimer timer, boolean hasTarget) {
        String[] parts = timer.subject().split("/");
        TicketId id = TicketId.of(parts[0]);
        Optional<SlaTarget> target = Optional.empty();
        if (hasTarget && parts.length > 1) {
            target = Optional.of(SlaTarget.valueOf(parts[1].replace('-', '_').toUpperCase(java.util.Locale.ROOT)));
        }
        int percent = hasTarget && parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
        return new Subject(id, target, percent);
    }

    /** Runs one handler's unit of work, retried on a concurrent change of the ticket, then delivers. */
    private void run(ClaimedTimer timer, Supplier<Outcome> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                Dispatcher.Staged staged = transactions.inTransaction(() -> {
                    Outcome outcome = work.get();
                    return delivery.stage(outcome.events(), outcome.messages(), List.of());
                });
                delivery.afterCommit(staged);
                return;
            } catch (ConcurrentUpdateException e) {
                if (attempt == ATTEMPTS) {
                    throw e; // the timer service releases the claim and retries after a back-off
                }
                LOG.debug("Timer {}: ticket changed concurrently, attempt {} again", timer.id(), attempt);
            }
        }
    }

    private record Context(Ticket ticket, SlaPolicy policy, BusinessCalendar calendar, SlaClocks clocks,
                           List<HistoryEntry> history, List<TimelineEntry> timeline, Instant now) {
    }

    private Optional<Context> context(TicketId id) {
        Optional<Ticket> found = tickets.find(id);
        if (found.isEmpty() || policies.isEmpty()) {
            return Optional.empty();
        }
        Ticket t = found.get();
        SlaPolicy policy = policies.get().policyFor(subject(t));
        Instant now = clock.instant();
        List<HistoryEntry> history = tickets.history(id);
        List<TimelineEntry> timeline = tickets.timeline(id);
        return Optional.of(new Context(t, policy, policies.get().calendarOf(policy), clocks(t, history, timeline, now),
                history, timeline, now.isBefore(t.createdAt()) ? t.createdAt() : now));
    }

    /**
     * Holds a warning, reminder or breach notice back until {@code at} (the next opening) in a timer
     * of its own, so that the claim being handled completes normally and, with a transactional
     * store, the deferral commits with it.
     */
    private void defer(ClaimedTimer claimed, TimerId original, Instant at) {
        if (claimed.kind().equals(SlaTimerKinds.DEFERRED)) {
            // A deferred send that fires outside business hours again (a poller late past a short
            // opening): move this very timer, which makes its claim stale; the next opening fires it.
            timers.schedule(TimerRequest.of(claimed.id(), at));
        } else {
            String[] p = original.subject().split("/", 2);
            timers.schedule(TimerRequest.of(TimerId.forTicket(SlaTimerKinds.DEFERRED, TicketId.of(p[0]),
                    original.kind().name() + "/" + p[1]), at));
        }
    }

    private void fireDeferred(ClaimedTimer claimed) {
        String[] p = claimed.subject().split("/", 3);
        if (p.length < 3) {
            LOG.warn("Timer {} does not name the timer it defers; it is dropped", claimed.id());
            return;
        }
        TimerId original = TimerId.of(p[1], p[0] + "/" + p[2]);
        ClaimedTimer as = new ClaimedTimer(original, claimed.due(), claimed.owner(), claimed.leaseExpiry(),
                claimed.fencingToken(), claimed.attempt());
        if (original.kind().equals(SlaTimerKinds.WARNING)) {
            fireWarning(claimed, as);
        } else if (original.kind().equals(SlaTimerKinds.REMINDER)) {
            fireReminder(claimed, as);
        } else if (original.kind().equals(SlaTimerKinds.BREACH_NOTICE)) {
            fireBreachNotice(claimed, as);
        } else {
            LOG.warn("Timer {} defers a timer of kind {}, which is never deferred; it is dropped", claimed.id(),
                    original.kind());
        }
    }

    private void fireWarning(ClaimedTimer timer) {
        fireWarning(timer, timer);
    }

    private void fireBreachNotice(ClaimedTimer timer) {
        fireBreachNotice(timer, timer);
    }

    private void fireReminder(ClaimedTimer timer) {
        fireReminder(timer, timer);
    }

    private void fireWarning(ClaimedTimer claimed, ClaimedTimer timer) {
        Subject s = parse(timer, true);
        run(timer, () -> {
            Optional<Context> found = context(s.ticket());
            if (found.isEmpty() || s.target().isEmpty()) {
                return Outcome.NONE;
            }
            Context cx = found.get();
            SlaTarget target = s.target().get();
            Optional<SlaClock> clock = cx.clocks().clock(target);
            // Met, paused, already breached (the breach supersedes), or the threshold moved: the
            // reschedule made at that change covers it.
            if (clock.isEmpty() || !clock.get().counting() || clock.get().breached()) {
                return Outcome.NONE;
            }
            Optional<SlaClockWarning> warning = clock.get().warnings().stream()
                    .filter(w -> w.threshold().percent() == s.percent()).findFirst();
            if (warning.isEmpty() || !warning.get().crossed()) {
                return Outcome.NONE;
            }
            Instant crossedAt = warning.get().at().orElseThrow();
            String marker = warningMarker(s.percent(), crossedAt);
            if (recorded(cx.history(), field(target), marker)) {
                return Outcome.NONE;
            }
            if (!cx.calendar().isOpen(cx.now())) {
                // Sent only during business hours: the same timer fires again at the next opening.
                defer(claimed, timer.id(), cx.calendar().nextOpening(cx.now()));
                return Outcome.NONE;
            }
            List<TicketEvent> events = new ArrayList<>();
            List<OutboundMessage> messages = new ArrayList<>();
            WarningThreshold threshold = warning.get().threshold();
            events.add(new TicketEvent.SlaWarning(cx.ticket().id(), cx.ticket().key(), Actor.system(), cx.now(), target,
                    s.percent(), crossedAt, clock.get().due().orElseThrow()));
            record(cx, claimed.id(), field(target), marker, threshold.effects(), true,
                    "SLA warning: " + target + " " + s.percent() + " % used, due " + shown(clock.get().due().orElseThrow()),
                    events, messages);
            return new Outcome(events, messages);
        });
    }

    private void fireBreach(ClaimedTimer timer) {
        Subject s = parse(timer, true);
        run(timer, () -> {
            Optional<Context> found = context(s.ticket());
            if (found.isEmpty() || s.target().isEmpty()) {
                return Outcome.NONE;
            }
            Context cx = found.get();
            SlaTarget target = s.target().get();
            Optional<SlaClock> clock = cx.clocks().clock(target);
            if (clock.isEmpty() || !clock.get().counting() || clock.get().breachedAt().isEmpty()) {
                return Outcome.NONE; // met, paused or its due moved later
            }
            Instant due = clock.get().breachedAt().get();
            String marker = breachMarker(due);
            if (recorded(cx.history(), field(target), marker)) {
                return Outcome.NONE;
            }
            List<TicketEvent> events = new ArrayList<>();
            List<OutboundMessage> messages = new ArrayList<>();
            events.add(new TicketEvent.SlaBreached(cx.ticket().id(), cx.ticket().key(), Actor.system(), cx.now(), target,
                    due));
            boolean open = cx.calendar().isOpen(cx.now());
            List<Escalation> effects = cx.policy().atBreach();
            if (!open && effects.stream().anyMatch(Escalation.NotifyTeamLead.class::isInstance)) {
                // The breach and its ticket changes stand now; the team lead hears of it at the next opening.
                timers.schedule(TimerRequest.of(TimerId.forTicket(SlaTimerKinds.BREACH_NOTICE, cx.ticket().id(),
                        SlaTimerKinds.qualifier(target)), cx.calendar().nextOpening(cx.now())));
            }
            record(cx, timer.id(), field(target), marker, effects, open,
                    "SLA breached: " + target + " was due " + shown(due), events, messages);
            return new Outcome(events, messages);
        });
    }

    private void fireBreachNotice(ClaimedTimer claimed, ClaimedTimer timer) {
        Subject s = parse(timer, true);
        run(timer, () -> {
            Optional<Context> found = context(s.ticket());
            if (found.isEmpty() || s.target().isEmpty()) {
                return Outcome.NONE;
            }
            Context cx = found.get();
            SlaTarget target = s.target().get();
            Optional<Instant> due = cx.clocks().clock(target).flatMap(SlaClock::breachedAt);
            if (due.isEmpty() || recorded(cx.history(), field(target), noticeMarker(due.get()))) {
                return Outcome.NONE;
            }
            if (!cx.calendar().isOpen(cx.now())) {
                defer(claimed, timer.id(), cx.calendar().nextOpening(cx.now()));
                return Outcome.NONE;
            }
            List<TicketEvent> events = new ArrayList<>();
            List<OutboundMessage> messages = new ArrayList<>();
            record(cx, claimed.id(), field(target), noticeMarker(due.get()), List.of(Escalation.notifyTeamLead()),
                    true, "SLA breached: " + target + " was due " + shown(due.get()), events, messages);
            return new Outcome(events, messages);
        });
    }

    private void fireReminder(ClaimedTimer claimed, ClaimedTimer timer) {
        String[] parts = timer.subject().split("/", 2);
        TicketId id = TicketId.of(parts[0]);
        Optional<ReminderRule> rule = reminders.stream().filter(r -> parts.length > 1 && r.name().equals(parts[1]))
                .findFirst();
        if (rule.isEmpty()) {
            LOG.warn("Timer {} names no configured reminder rule; it is dropped", timer.id());
            return;
        }
        ReminderRule r = rule.get();
        run(timer, () -> {
            Optional<Ticket> found = tickets.find(id);
            if (found.isEmpty()) {
                return Outcome.NONE;
            }
            Ticket t = found.get();
            Instant now = clock.instant();
            List<HistoryEntry> history = tickets.history(id);
            Optional<Instant> since = since(r, t, history, categories(t).apply(t.state()));
            if (since.isEmpty() || r.calendar().add(since.get(), r.after()).isAfter(now)) {
                return Outcome.NONE; // the condition ended or restarted: the reschedule covers it
            }
            String marker = reminderMarker(since.get());
            if (recorded(history, reminderField(r), marker)) {
                return Outcome.NONE;
            }
            if (!r.calendar().isOpen(now)) {
                defer(claimed, timer.id(), r.calendar().nextOpening(now));
                return Outcome.NONE;
            }
            List<TicketEvent> events = new ArrayList<>();
            List<OutboundMessage> messages = new ArrayList<>();
            events.add(new TicketEvent.ReminderDue(t.id(), t.key(), Actor.system(), now, r.name(), since.get()));
            if (r.notifyTeam()) {
                messages.add(new OutboundMessage(t.id(), t.key(), new OutboundMessage.ToTeam(t.team()),
                        "[" + t.key() + "] Reminder: " + r.name(),
                        "Reminder '" + r.name() + "' (" + r.condition() + " for " + r.after() + " of business time) for "
                                + t.key() + ", since " + shown(since.get()) + "."));
            }
            List<TimelineEntry> timeline = policies.isEmpty() ? List.of() : tickets.timeline(id);
            write(new Before(Map.of(), history, timeline), Optional.of(claimed.id()), t, t, reminderField(r), marker,
                    now, events);
            return new Outcome(events, messages);
        });
    }

    /**
     * Applies escalation effects and the ledger entry in one versioned update, then re-schedules
     * the ticket's timers (a raised priority may choose another policy).
     */
    private void record(Context cx, TimerId firing, String field, String marker, List<Escalation> effects,
                        boolean sendNow, String what, List<TicketEvent> events, List<OutboundMessage> messages) {
        Ticket t = cx.ticket();
        Ticket changed = t;
        for (Escalation e : effects) {
            if (e instanceof Escalation.NotifyTeamLead) {
                if (sendNow) {
                    OutboundMessage.Recipient to = Optional.ofNullable(leads.get(t.team()))
                            .<OutboundMessage.Recipient>map(OutboundMessage.ToAgent::new)
                            .orElse(new OutboundMessage.ToTeam(t.team())); // no lead configured: the team hears of it
                    messages.add(new OutboundMessage(t.id(), t.key(), to, "[" + t.key() + "] " + what,
                            what + " (ticket " + t.key() + ", policy '" + cx.policy().name() + "')."));
                }
            } else if (e instanceof Escalation.RaisePriority raise) {
                changed = changed.withPriority(raise.applyTo(changed.priority()));
            } else if (e instanceof Escalation.Reassign reassign) {
                Optional<AgentId> who = switch (reassign.target()) {
                    case TEAM_LEAD -> Optional.ofNullable(leads.get(t.team()));
                    case PAIR -> changed.assignee().map(pairs::get);
                    case AGENT -> reassign.agent();
                };
                if (who.isPresent()) {
                    changed = changed.withAssignee(who);
                } else {
                    LOG.warn("Ticket {}: escalation {} has nobody to reassign to (configure teamLead/pair on the "
                            + "Ticketing builder); the assignee is kept", t.key(), reassign.target());
                }
            }
        }
        // The clocks before the change: a raised priority may choose a policy without some target, whose
        // timers this change must then cancel (all but the one firing, which its completion marks spent).
        write(new Before(cx.clocks().clocks(), cx.history(), cx.timeline()), Optional.of(firing), t, changed, field,
                marker, cx.now(), events);
    }

    private void write(Before stored, Optional<TimerId> firing, Ticket before, Ticket changed, String field,
                       String marker, Instant now, List<TicketEvent> events) {
        List<FieldChange> fieldChanges = WorkflowEngine.changes(before, changed);
        List<FieldChange> changes = new ArrayList<>();
        changes.add(FieldChange.of(field, null, marker));
        changes.addAll(fieldChanges);
        Instant at = now.isBefore(before.updatedAt()) ? before.updatedAt() : now;
        Ticket next = changed.nextVersion(at);
        List<HistoryEntry> entry = List.of(new HistoryEntry(before.id(), next.version(), at, Actor.system(),
                HistoryAction.UPDATED, Optional.empty(), changes));
        // A breach keeps slaDue (the clock still runs, overdue); a raised priority may choose another policy.
        Planned planned = plan(next, stored, List.of(), entry);
        Ticket after = planned.ticket();
        tickets.update(new TicketChange(after, before.version(), List.of(), entry));
        if (!fieldChanges.isEmpty()) {
            events.add(new TicketEvent.TicketUpdated(after.id(), after.key(), Actor.system(), at, fieldChanges));
        }
        changed(planned, stored.clocks(), firing, Actor.system(), events);
    }
}

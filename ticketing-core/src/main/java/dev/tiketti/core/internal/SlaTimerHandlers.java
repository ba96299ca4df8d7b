package dev.tiketti.core.internal;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.internal.SlaScheduler.Before;
import dev.tiketti.core.internal.SlaScheduler.Planned;
import dev.tiketti.core.sla.BusinessCalendar;
import dev.tiketti.core.sla.ClaimedTimer;
import dev.tiketti.core.sla.Escalation;
import dev.tiketti.core.sla.ReminderRule;
import dev.tiketti.core.sla.SlaClock;
import dev.tiketti.core.sla.SlaClockWarning;
import dev.tiketti.core.sla.SlaClocks;
import dev.tiketti.core.sla.SlaPolicies;
import dev.tiketti.core.sla.SlaPolicy;
import dev.tiketti.core.sla.SlaTarget;
import dev.tiketti.core.sla.SlaTimerKinds;
import dev.tiketti.core.sla.TimerId;
import dev.tiketti.core.sla.TimerKind;
import dev.tiketti.core.sla.TimerRequest;
import dev.tiketti.core.sla.WarningThreshold;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What firing an SLA or reminder timer does: re-checks the ticket's clocks, sends the warning, breach,
 * breach notice or reminder if it is still due, and records it in the {@link SlaLedger} together with
 * the escalation effects, in one versioned update retried on a concurrent change. Not API.
 */
final class SlaTimerHandlers {
    // Under the scheduler's name: logging already configured for SLA timers names that logger.
    private static final Logger LOG = LoggerFactory.getLogger(SlaScheduler.class);
    private static final int ATTEMPTS = 5;

    private final SlaScheduler scheduler;
    private final Optional<SlaPolicies> policies;
    private final List<ReminderRule> reminders;
    private final Map<TeamId, AgentId> leads;
    private final Map<AgentId, AgentId> pairs;
    private final TicketStore tickets;
    private final TimerStore timers;
    private final Transactions transactions;
    private final Clock clock;
    private final Dispatcher delivery;

    SlaTimerHandlers(SlaScheduler scheduler, Optional<SlaPolicies> policies, List<ReminderRule> reminders,
                     Map<TeamId, AgentId> leads, Map<AgentId, AgentId> pairs, TicketStore tickets, TimerStore timers,
                     Transactions transactions, Clock clock, Dispatcher delivery) {
        this.scheduler = scheduler;
        this.policies = policies;
        this.reminders = List.copyOf(reminders);
        this.leads = Map.copyOf(leads);
        this.pairs = Map.copyOf(pairs);
        this.tickets = tickets;
        this.timers = timers;
        this.transactions = transactions;
        this.clock = clock;
        this.delivery = delivery;
    }

    /** The handler of each timer kind the scheduler arms. */
    Map<TimerKind, TimerHandler> handlers() {
        Map<TimerKind, TimerHandler> h = new LinkedHashMap<>();
        h.put(SlaTimerKinds.WARNING, this::fireWarning);
        h.put(SlaTimerKinds.BREACH, this::fireBreach);
        h.put(SlaTimerKinds.BREACH_NOTICE, this::fireBreachNotice);
        h.put(SlaTimerKinds.REMINDER, this::fireReminder);
        h.put(SlaTimerKinds.DEFERRED, this::fireDeferred);
        return h;
    }

    /** Instants in messages, to the second (the ledger keeps them exact). */
    private static String shown(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

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
        SlaPolicy policy = policies.get().policyFor(SlaScheduler.subject(t));
        Instant now = clock.instant();
        List<HistoryEntry> history = tickets.history(id);
        List<TimelineEntry> timeline = tickets.timeline(id);
        return Optional.of(new Context(t, policy, policies.get().calendarOf(policy),
                scheduler.clocks(t, history, timeline, now), history, timeline,
                now.isBefore(t.createdAt()) ? t.createdAt() : now));
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

    /** The part of a target's handler that runs once its ticket and target are known. */
    @FunctionalInterface
    private interface TargetWork {
        Outcome apply(Context cx, SlaTarget target, int percent);
    }

    /** Runs a handler of one SLA target's timer; a ticket gone or without policies has nothing left to do. */
    private void runForTarget(ClaimedTimer timer, TargetWork work) {
        Subject s = parse(timer, true);
        run(timer, () -> {
            Optional<Context> found = context(s.ticket());
            if (found.isEmpty() || s.target().isEmpty()) {
                return Outcome.NONE;
            }
            return work.apply(found.get(), s.target().get(), s.percent());
        });
    }

    private void fireWarning(ClaimedTimer claimed, ClaimedTimer timer) {
        runForTarget(timer, (cx, target, percent) -> {
            Optional<SlaClock> clock = cx.clocks().clock(target);
            // Met, paused, already breached (the breach supersedes), or the threshold moved: the
            // reschedule made at that change covers it.
            if (clock.isEmpty() || !clock.get().counting() || clock.get().breached()) {
                return Outcome.NONE;
            }
            Optional<SlaClockWarning> warning = clock.get().warnings().stream()
                    .filter(w -> w.threshold().percent() == percent).findFirst();
            if (warning.isEmpty() || !warning.get().crossed()) {
                return Outcome.NONE;
            }
            Instant crossedAt = warning.get().at().orElseThrow();
            String marker = SlaLedger.warningMarker(percent, crossedAt);
            if (SlaLedger.recorded(cx.history(), SlaLedger.field(target), marker)) {
                return Outcome.NONE;
            }
            if (!cx.calendar().isOpen(cx.now())) {
                // Sent only during business hours: the same timer fires again at the next opening.
                defer(claimed, timer.id(), cx.calendar().nextOpening(cx.now()));
                return Outcome.NONE;
            }
            List<TicketEvent> events = new ArrayList<>();
            WarningThreshold threshold = warning.get().threshold();
            events.add(new TicketEvent.SlaWarning(cx.ticket().id(), cx.ticket().key(), Actor.system(), cx.now(), target,
                    percent, crossedAt, clock.get().due().orElseThrow()));
            return record(cx, claimed.id(), SlaLedger.field(target), marker, threshold.effects(), true,
                    "SLA warning: " + target + " " + percent + " % used, due " + shown(clock.get().due().orElseThrow()),
                    events);
        });
    }

    private void fireBreach(ClaimedTimer timer) {
        runForTarget(timer, (cx, target, percent) -> {
            Optional<SlaClock> clock = cx.clocks().clock(target);
            if (clock.isEmpty() || !clock.get().counting() || clock.get().breachedAt().isEmpty()) {
                return Outcome.NONE; // met, paused or its due moved later
            }
            Instant due = clock.get().breachedAt().get();
            String marker = SlaLedger.breachMarker(due);
            if (SlaLedger.recorded(cx.history(), SlaLedger.field(target), marker)) {
                return Outcome.NONE;
            }
            List<TicketEvent> events = new ArrayList<>();
            events.add(new TicketEvent.SlaBreached(cx.ticket().id(), cx.ticket().key(), Actor.system(), cx.now(), target,
                    due));
            boolean open = cx.calendar().isOpen(cx.now());
            List<Escalation> effects = cx.policy().atBreach();
            if (!open && effects.stream().anyMatch(Escalation.NotifyTeamLead.class::isInstance)) {
                // The breach and its ticket changes stand now; the team lead hears of it at the next opening.
                timers.schedule(TimerRequest.of(TimerId.forTicket(SlaTimerKinds.BREACH_NOTICE, cx.ticket().id(),
                        SlaTimerKinds.qualifier(target)), cx.calendar().nextOpening(cx.now())));
            }
            return record(cx, timer.id(), SlaLedger.field(target), marker, effects, open,
                    "SLA breached: " + target + " was due " + shown(due), events);
        });
    }

    private void fireBreachNotice(ClaimedTimer claimed, ClaimedTimer timer) {
        runForTarget(timer, (cx, target, percent) -> {
            Optional<Instant> due = cx.clocks().clock(target).flatMap(SlaClock::breachedAt);
            if (due.isEmpty()) {
                return Outcome.NONE;
            }
            String marker = SlaLedger.noticeMarker(due.get());
            if (SlaLedger.recorded(cx.history(), SlaLedger.field(target), marker)) {
                return Outcome.NONE;
            }
            if (!cx.calendar().isOpen(cx.now())) {
                defer(claimed, timer.id(), cx.calendar().nextOpening(cx.now()));
                return Outcome.NONE;
            }
            return record(cx, claimed.id(), SlaLedger.field(target), marker, List.of(Escalation.notifyTeamLead()),
                    true, "SLA breached: " + target + " was due " + shown(due.get()), new ArrayList<>());
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
            Optional<Instant> since = SlaScheduler.since(r, t, history, scheduler.categories(t).apply(t.state()));
            if (since.isEmpty() || r.calendar().add(since.get(), r.after()).isAfter(now)) {
                return Outcome.NONE; // the condition ended or restarted: the reschedule covers it
            }
            String marker = SlaLedger.reminderMarker(since.get());
            if (SlaLedger.recorded(history, SlaLedger.reminderField(r), marker)) {
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
                messages.add(new OutboundMessage(t.id(), t.key(), t.team(), new OutboundMessage.ToTeam(t.team()),
                        "[" + t.key() + "] Reminder: " + r.name(),
                        "Reminder '" + r.name() + "' (" + r.condition() + " for " + r.after() + " of business time) for "
                                + t.key() + ", since " + shown(since.get()) + ".", OutboundMessage.Kind.REMINDER));
            }
            List<TimelineEntry> timeline = policies.isEmpty() ? List.of() : tickets.timeline(id);
            write(new Before(Map.of(), history, timeline), Optional.of(claimed.id()), t, t, SlaLedger.reminderField(r),
                    marker, now, events);
            return new Outcome(events, messages);
        });
    }

    /**
     * Applies escalation effects and the ledger entry in one versioned update, then re-schedules
     * the ticket's timers (a raised priority may choose another policy).
     */
    private Outcome record(Context cx, TimerId firing, String field, String marker, List<Escalation> effects,
                           boolean sendNow, String what, List<TicketEvent> events) {
        List<OutboundMessage> messages = new ArrayList<>();
        Ticket t = cx.ticket();
        Ticket changed = t;
        for (Escalation e : effects) {
            if (e instanceof Escalation.NotifyTeamLead) {
                if (sendNow) {
                    OutboundMessage.Recipient to = Optional.ofNullable(leads.get(t.team()))
                            .<OutboundMessage.Recipient>map(OutboundMessage.ToAgent::new)
                            .orElse(new OutboundMessage.ToTeam(t.team())); // no lead configured: the team hears of it
                    messages.add(new OutboundMessage(t.id(), t.key(), t.team(), to, "[" + t.key() + "] " + what,
                            what + " (ticket " + t.key() + ", policy '" + cx.policy().name() + "').",
                            OutboundMessage.Kind.ESCALATION));
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
        return new Outcome(events, messages);
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
        Planned planned = scheduler.plan(next, stored, List.of(), entry);
        Ticket after = planned.ticket();
        tickets.update(new TicketChange(after, before.version(), List.of(), entry));
        if (!fieldChanges.isEmpty()) {
            events.add(new TicketEvent.TicketUpdated(after.id(), after.key(), Actor.system(), at, fieldChanges));
        }
        scheduler.changed(planned, stored.clocks(), firing, Actor.system(), events);
    }
}

package dev.tiketti.core.internal;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.sla.Sla;
import dev.tiketti.core.sla.SlaClocks;
import dev.tiketti.core.sla.SlaPolicies;
import dev.tiketti.core.sla.SlaPolicy;
import dev.tiketti.core.sla.SlaSubject;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.timer.TimerService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The SLA side of every ticket change, and the {@link Sla} area: without SLA policies or reminder
 * rules each step is a no-op, so the ticket flow calls it unconditionally. Not API.
 */
public final class SlaService implements Sla {
    private final Optional<SlaPolicies> policies;
    private final Optional<SlaScheduler> scheduler;
    private final Optional<TimerService> timers;
    private final TicketStore tickets;
    private final Clock clock;

    public SlaService(Optional<SlaPolicies> policies, Optional<SlaScheduler> scheduler, Optional<TimerService> timers,
                      TicketStore tickets, Clock clock) {
        this.policies = policies;
        this.scheduler = scheduler;
        this.timers = timers;
        this.tickets = tickets;
        this.clock = clock;
    }

    @Override
    public SlaClocks clocks(TicketId id) {
        Ticket ticket = ticket(id);
        if (policies.isEmpty() || scheduler.isEmpty()) {
            throw ConfigProblems.slaClocksNotConfigured();
        }
        return scheduler.get().clocks(ticket, clock.instant());
    }

    @Override
    public SlaPolicy policy(TicketId id) {
        Ticket ticket = ticket(id);
        SlaPolicies configured = policies.orElseThrow(() -> ConfigProblems.slaClocksNotConfigured());
        return configured.policyFor(new SlaSubject(ticket.typeId(), ticket.classification(), ticket.priority(),
                ticket.organization()));
    }

    /** The timer service, or {@code SLA_NOT_CONFIGURED}. */
    public TimerService timers() {
        return timers.orElseThrow(() -> ConfigProblems.slaTimersNotConfigured());
    }

    /** Stops the timer poller, if one was started. */
    public void close() {
        timers.ifPresent(TimerService::close);
    }

    private Ticket ticket(TicketId id) {
        return tickets.find(Require.nonNull(id, "ticket id")).orElseThrow(() -> TicketProblems.ticketNotFound(id));
    }

    /**
     * The ticket's clocks before a change, so that the change can tell which targets it meets, with
     * the history and timeline they came from (read once per change, reused for the clocks after it).
     */
    SlaScheduler.Before before(Ticket before) {
        return scheduler.map(s -> s.before(before)).orElse(SlaScheduler.Before.OPENING);
    }

    /**
     * The ticket of a change with its {@code slaDue} set, before it is stored: the value goes into the
     * same INSERT/UPDATE as the rest of the ticket (no extra statement), so stores can query it.
     */
    SlaScheduler.Planned plan(Ticket after, SlaScheduler.Before before, List<TimelineEntry> newEntries,
                              List<HistoryEntry> newHistory) {
        return scheduler.map(s -> s.plan(after, before, newEntries, newHistory))
                .orElseGet(() -> SlaScheduler.Planned.withoutSla(after));
    }

    /** Re-schedules the ticket's timers inside the change's unit of work and adds SlaMet events. */
    void changed(SlaScheduler.Planned planned, SlaScheduler.Before before, Actor actor, List<TicketEvent> events) {
        scheduler.ifPresent(s -> s.changed(planned, before.clocks(), actor, events));
    }
}

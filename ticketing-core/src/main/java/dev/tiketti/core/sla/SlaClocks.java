package dev.tiketti.core.sla;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.workflow.StateDefinition;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * All SLA clocks of one ticket as of an instant, by target. Recomputed from the ticket's history
 * and timeline by {@link #compute}, so a changed calendar or policy can be re-applied and audited;
 * the rules are in {@code docs/sla.md}, "SLA clocks".
 *
 * @param clocks the started clocks of the targets the policy sets ({@code NEXT_RESPONSE} appears
 *               once a customer writes after the first response)
 * @param asOf   the instant the clocks describe
 * @since 0.1
 */
public record SlaClocks(Map<SlaTarget, SlaClock> clocks, Instant asOf) {
    public SlaClocks {
        Require.nonNull(clocks, "clocks");
        Require.nonNull(asOf, "asOf");
        EnumMap<SlaTarget, SlaClock> copy = new EnumMap<>(SlaTarget.class);
        clocks.forEach((t, c) -> {
            if (Require.nonNull(c, "clock").target() != Require.nonNull(t, "target")) {
                throw SlaMessages.clockFiledWrongly(c.target(), t);
            }
            copy.put(t, c);
        });
        clocks = Collections.unmodifiableMap(copy);
    }

    /** The clock of a target, if the policy sets it and it has started. */
    public Optional<SlaClock> clock(SlaTarget target) {
        return Optional.ofNullable(clocks.get(Require.nonNull(target, "target")));
    }

    /** The earliest instant at which any clock is due, among those counting now. */
    public Optional<Instant> nextDue() {
        return clocks.values().stream().flatMap(c -> c.due().stream()).min(Comparator.naturalOrder());
    }

    /**
     * Recomputes a ticket's clocks as of {@code now} from its history and timeline. Entries after
     * {@code now} are ignored, so a past {@code now} shows the clocks as they stood then. Entries
     * are replayed in time order; changes at one instant in the order the history records them.
     *
     * @param ticket          the ticket (its id and creation instant)
     * @param history         its action history, any order; must start with its {@code CREATED} entry
     * @param timeline        its timeline, any order
     * @param categoryOfState the category of each state name the history mentions
     * @param policy          the SLA policy the ticket falls under
     * @param calendar        the calendar the policy's targets are counted on
     * @param now             the instant to compute the clocks for; not before the ticket was created
     * @throws dev.tiketti.core.common.TicketingException {@code TKT-0714} if entries belong to another
     *         ticket, the {@code CREATED} entry is missing or a state has no category;
     *         {@code TKT-0713} if {@code now} is before the ticket was created
     */
    public static SlaClocks compute(Ticket ticket, List<HistoryEntry> history, List<TimelineEntry> timeline,
                                    Function<String, StateCategory> categoryOfState, SlaPolicy policy,
                                    BusinessCalendar calendar, Instant now) {
        return replay(ticket, history, timeline, categoryOfState, policy, calendar, now).clocksAt(now);
    }

    /**
     * {@link #compute(Ticket, List, List, Function, SlaPolicy, BusinessCalendar, Instant) compute}
     * with the state categories of a workflow definition (the version the ticket followed).
     */
    public static SlaClocks compute(Ticket ticket, List<HistoryEntry> history, List<TimelineEntry> timeline,
                                    WorkflowDefinition workflow, SlaPolicy policy, BusinessCalendar calendar,
                                    Instant now) {
        return compute(ticket, history, timeline, categories(workflow), policy, calendar, now);
    }

    /** The state categories of a workflow definition; an undeclared state has none ({@code TKT-0714}). */
    public static Function<String, StateCategory> categories(WorkflowDefinition workflow) {
        Require.nonNull(workflow, "workflow");
        return state -> workflow.state(state).map(StateDefinition::category).orElseThrow(() ->
                SlaMessages.stateNotDeclared(state, workflow.id(), workflow.version()));
    }

    /**
     * The incremental state after replaying a ticket's history and timeline up to {@code now};
     * {@link SlaClockTracker#clocksAt} of it is {@link #compute}. A host can keep it and
     * {@link SlaClockTracker#apply apply} later events as they happen.
     */
    public static SlaClockTracker replay(Ticket ticket, List<HistoryEntry> history, List<TimelineEntry> timeline,
                                         Function<String, StateCategory> categoryOfState, SlaPolicy policy,
                                         BusinessCalendar calendar, Instant now) {
        Require.nonNull(ticket, "ticket");
        Require.nonNull(history, "history");
        Require.nonNull(timeline, "timeline");
        Require.nonNull(categoryOfState, "categoryOfState");
        Require.nonNull(policy, "policy");
        Require.nonNull(calendar, "calendar");
        Require.nonNull(now, "now");
        if (now.isBefore(ticket.createdAt())) {
            throw SlaMessages.readBeforeLastEvent(now, ticket.createdAt());
        }
        for (HistoryEntry h : history) {
            if (!Require.nonNull(h, "history entry").ticketId().equals(ticket.id())) {
                throw SlaMessages.historyOfAnotherTicket(h.sequence(), h.ticketId(), ticket.id());
            }
        }
        for (TimelineEntry e : timeline) {
            if (!Require.nonNull(e, "timeline entry").ticketId().equals(ticket.id())) {
                throw SlaMessages.timelineOfAnotherTicket(e.id(), e.ticketId(), ticket.id());
            }
        }
        HistoryEntry created = history.stream().filter(h -> h.action() == HistoryAction.CREATED).findFirst()
                .orElseThrow(() -> SlaMessages.noCreatedEntry(ticket.id()));
        String initial = created.changes().stream().filter(c -> c.field().equals("state")).reduce((a, b) -> b)
                .flatMap(c -> c.to())
                .orElseThrow(() -> SlaMessages.noInitialState(ticket.id()));
        StateCategory initialCategory = category(initial, categoryOfState);

        // The order of changes is the history's sequence. Each timeline entry a host added has an
        // ENTRY_ADDED history entry at the same instant naming its kind: it takes that entry's place,
        // so changes at one instant replay in the order they were made, exactly as they were applied
        // live. Other timeline entries (the opening message, notes of workflow effects) come before
        // the history entries of their instant: the opening message is part of the opening.
        List<HistoryEntry> hs = new ArrayList<>(history);
        hs.sort(Comparator.comparingLong(HistoryEntry::sequence));
        Map<String, Deque<TimelineEntry>> unpaired = new HashMap<>();
        for (TimelineEntry e : timeline) {
            unpaired.computeIfAbsent(e.at() + "|" + e.kind(), k -> new ArrayDeque<>()).add(e);
        }
        Set<TimelineEntry> paired = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Keyed> keyed = new ArrayList<>();
        for (HistoryEntry h : hs) {
            if (h.at().isAfter(now)) {
                continue;
            }
            SlaClockEvent.of(h, categoryOfState).ifPresent(e -> keyed.add(new Keyed(e, h.sequence())));
            if (h.action() == HistoryAction.ENTRY_ADDED) {
                h.changes().stream().filter(c -> c.field().equals("timeline")).flatMap(c -> c.to().stream())
                        .map(kind -> unpaired.get(h.at() + "|" + kind)).filter(q -> q != null && !q.isEmpty())
                        .findFirst().map(Deque::poll).map(e -> {
                            paired.add(e);
                            return e;
                        })
                        .flatMap(SlaClockEvent::of).ifPresent(e -> keyed.add(new Keyed(e, h.sequence())));
            }
        }
        for (TimelineEntry e : timeline) {
            if (!paired.contains(e) && !e.at().isAfter(now)) {
                SlaClockEvent.of(e).ifPresent(ev -> keyed.add(new Keyed(ev, 0)));
            }
        }
        keyed.sort(Comparator.comparing((Keyed k) -> k.event().at()).thenComparingLong(Keyed::order));
        List<SlaClockEvent> events = keyed.stream().map(Keyed::event).toList();
        Instant openedAt = ticket.createdAt();
        SlaClockTracker tracker = SlaClockTracker.start(policy, calendar, openedAt, initialCategory);
        for (SlaClockEvent e : events) {
            // An entry stamped before the ticket's creation (clock skew between nodes) counts from the creation.
            tracker = tracker.apply(e.at().isBefore(openedAt) ? withAt(e, openedAt) : e);
        }
        return tracker;
    }

    private record Keyed(SlaClockEvent event, long order) {
    }

    private static SlaClockEvent withAt(SlaClockEvent e, Instant at) {
        if (e instanceof SlaClockEvent.StateEntered s) {
            return new SlaClockEvent.StateEntered(at, s.category());
        }
        return e instanceof SlaClockEvent.CustomerMessage ? new SlaClockEvent.CustomerMessage(at)
                : new SlaClockEvent.PublicReply(at);
    }

    static StateCategory category(String state, Function<String, StateCategory> categoryOfState) {
        StateCategory category;
        try {
            category = categoryOfState.apply(state);
        } catch (dev.tiketti.core.common.TicketingException e) {
            if (e.code() == dev.tiketti.core.common.ErrorCode.SLA_HISTORY_MISMATCH) {
                throw e;
            }
            throw SlaMessages.stateWithoutCategory(state, e.getMessage());
        } catch (RuntimeException e) {
            throw SlaMessages.stateWithoutCategory(state, e.getMessage());
        }
        if (category == null) {
            throw SlaMessages.stateWithoutCategory(state);
        }
        return category;
    }
}

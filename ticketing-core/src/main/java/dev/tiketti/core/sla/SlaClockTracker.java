package dev.tiketti.core.sla;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.ticket.StateCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The incremental form of SLA clocks: an immutable state that {@link #apply(SlaClockEvent) applies}
 * one event at a time, and that {@link #clocksAt(Instant) reads} the clocks at any instant from the
 * last event on. Applying a ticket's events in order gives exactly what {@link SlaClocks#compute}
 * recomputes from its history (a property test checks it). Rules: {@code docs/sla.md}, "SLA clocks".
 *
 * @since 0.1
 */
public final class SlaClockTracker {
    private final SlaPolicy policy;
    private final BusinessCalendar calendar;
    private final StateCategory category;
    private final Instant lastAt;
    private final Map<SlaTarget, Run> runs;
    /** Whether the first response was given (a public reply, or the ticket resolved). */
    private final boolean responded;
    /** A customer message arrived while the ticket was resolved or closed and has not been answered. */
    private final boolean customerPending;

    private SlaClockTracker(SlaPolicy policy, BusinessCalendar calendar, StateCategory category, Instant lastAt,
                            Map<SlaTarget, Run> runs, boolean responded, boolean customerPending) {
        this.policy = policy;
        this.calendar = calendar;
        this.category = category;
        this.lastAt = lastAt;
        this.runs = runs;
        this.responded = responded;
        this.customerPending = customerPending;
    }

    /**
     * The clocks of a ticket opened at {@code openedAt} in a state of {@code initialCategory}:
     * {@code FIRST_RESPONSE} and {@code RESOLUTION} start (paused if the state is WAITING), as far as
     * the policy sets them.
     */
    public static SlaClockTracker start(SlaPolicy policy, BusinessCalendar calendar, Instant openedAt,
                                        StateCategory initialCategory) {
        Require.nonNull(policy, "policy");
        Require.nonNull(calendar, "calendar");
        Require.nonNull(openedAt, "openedAt");
        Require.nonNull(initialCategory, "initialCategory");
        boolean paused = initialCategory == StateCategory.WAITING;
        Map<SlaTarget, Run> runs = new EnumMap<>(SlaTarget.class);
        for (SlaTarget t : List.of(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION)) {
            policy.target(t).ifPresent(d -> runs.put(t, Run.start(openedAt, paused)));
        }
        SlaClockTracker started = new SlaClockTracker(policy, calendar, StateCategory.NEW, openedAt, runs, false, false);
        return initialCategory == StateCategory.NEW ? started
                : started.apply(new SlaClockEvent.StateEntered(openedAt, initialCategory));
    }

    /** The policy the clocks follow. */
    public SlaPolicy policy() {
        return policy;
    }

    /** The instant of the last event applied (the opening if none). */
    public Instant lastEventAt() {
        return lastAt;
    }

    /** The category of the ticket's state after the last event. */
    public StateCategory category() {
        return category;
    }

    /**
     * The clocks after {@code event}. Events must come in time order (equal instants are fine).
     *
     * @throws dev.tiketti.core.common.TicketingException {@code TKT-0713} if the event is before the last one applied
     */
    public SlaClockTracker apply(SlaClockEvent event) {
        Require.nonNull(event, "event");
        Instant at = event.at();
        if (at.isBefore(lastAt)) {
            throw SlaMessages.eventBeforeLastEvent(event.getClass(), at, lastAt);
        }
        Map<SlaTarget, Run> next = new EnumMap<>(SlaTarget.class);
        next.putAll(runs);
        StateCategory cat = category;
        boolean resp = responded;
        boolean pending = customerPending;
        boolean closed = isClosed(category);
        boolean waiting = category == StateCategory.WAITING;
        if (event instanceof SlaClockEvent.StateEntered entered && entered.category() != category) {
            StateCategory to = entered.category();
            cat = to;
            if (isClosed(to) && !closed) {
                // Resolving ends every open target: the resolution answers whatever was pending.
                next.replaceAll((t, r) -> r.open() ? r.meet(at, this, t) : r);
                resp = true;
                pending = false;
            } else if (!isClosed(to) && closed) {
                boolean pausedNow = to == StateCategory.WAITING;
                next.computeIfPresent(SlaTarget.RESOLUTION, (t, r) -> r.reopen(at, pausedNow));
                if (pending && policy.target(SlaTarget.NEXT_RESPONSE).isPresent()) {
                    next.put(SlaTarget.NEXT_RESPONSE, Run.start(at, pausedNow));
                }
                pending = false;
            } else if (!closed) {
                if (to == StateCategory.WAITING) {
                    next.replaceAll((t, r) -> r.counting() ? r.pause(at, this, t) : r);
                } else if (waiting) {
                    next.replaceAll((t, r) -> r.open() ? r.resume(at) : r);
                }
            }
        } else if (event instanceof SlaClockEvent.CustomerMessage) {
            Run nr = next.get(SlaTarget.NEXT_RESPONSE);
            boolean nrOpen = nr != null && nr.open();
            if (resp && !nrOpen && policy.target(SlaTarget.NEXT_RESPONSE).isPresent()) {
                if (closed) {
                    pending = true;
                } else {
                    next.put(SlaTarget.NEXT_RESPONSE, Run.start(at, waiting));
                }
            }
        } else if (event instanceof SlaClockEvent.PublicReply) {
            resp = true;
            pending = false;
            for (SlaTarget t : List.of(SlaTarget.FIRST_RESPONSE, SlaTarget.NEXT_RESPONSE)) {
                next.computeIfPresent(t, (k, r) -> r.open() ? r.meet(at, this, k) : r);
            }
        }
        return new SlaClockTracker(policy, calendar, cat, at, Collections.unmodifiableMap(next), resp, pending);
    }

    /**
     * The clocks as of {@code now}: every target the policy sets whose clock has started.
     *
     * @throws dev.tiketti.core.common.TicketingException {@code TKT-0713} if {@code now} is before the last event applied
     */
    public SlaClocks clocksAt(Instant now) {
        Require.nonNull(now, "now");
        if (now.isBefore(lastAt)) {
            throw SlaMessages.readBeforeLastEvent(now, lastAt);
        }
        Map<SlaTarget, SlaClock> clocks = new EnumMap<>(SlaTarget.class);
        runs.forEach((t, r) -> clocks.put(t, r.view(t, now, this)));
        return new SlaClocks(clocks, now);
    }

    private static boolean isClosed(StateCategory c) {
        return c == StateCategory.RESOLVED || c == StateCategory.CLOSED;
    }

    Duration allowed(SlaTarget t) {
        return policy.target(t).orElseThrow();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlaClockTracker s && policy.equals(s.policy) && calendar.equals(s.calendar)
                && category == s.category && lastAt.equals(s.lastAt) && runs.equals(s.runs)
                && responded == s.responded && customerPending == s.customerPending;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(policy, category, lastAt, runs, responded, customerPending);
    }

    @Override
    public String toString() {
        return "SlaClockTracker[" + policy.name() + ", " + category + " since " + lastAt + ", " + runs + "]";
    }

    /**
     * One target's current cycle. Business time accrues in segments from {@code segmentStart}
     * (present while counting); {@code usedBefore} is the time used before the segment. Breach and
     * warning instants are found when a segment closes (or is read), so splitting a segment never
     * changes a result: {@code between} is additive and {@code add} gives the earliest instant.
     */
    record Run(Instant startedAt, Duration usedBefore, Optional<Instant> segmentStart, Optional<Instant> metAt,
               Optional<Instant> breachedAt, Map<Integer, Instant> crossed) {

        static Run start(Instant at, boolean paused) {
            return new Run(at, Duration.ZERO, paused ? Optional.empty() : Optional.of(at), Optional.empty(),
                    Optional.empty(), Map.of());
        }

        boolean open() {
            return metAt.isEmpty();
        }

        boolean counting() {
            return segmentStart.isPresent();
        }

        /** The due instant of the running segment; the segment start itself if no time is left. */
        Instant dueFrom(Instant segment, Duration allowed, BusinessCalendar calendar) {
            Duration left = allowed.minus(usedBefore);
            return left.isNegative() || left.isZero() ? segment : calendar.add(segment, left);
        }

        /** When {@code amount} of business time is reached in the running segment. */
        Instant reachedAt(Instant segment, Duration amount, BusinessCalendar calendar) {
            Duration left = amount.minus(usedBefore);
            return left.isNegative() || left.isZero() ? segment : calendar.add(segment, left);
        }

        /** Closes the running segment at {@code at}, recording breach and crossed warnings, and opens the next one. */
        Run advance(Instant at, SlaTarget target, SlaClockTracker tracker) {
            if (segmentStart.isEmpty()) {
                return this;
            }
            Instant seg = segmentStart.get();
            BusinessCalendar cal = tracker.calendar;
            Duration allowed = tracker.allowed(target);
            Duration used = usedBefore.plus(cal.between(seg, at));
            Optional<Instant> breach = breachedAt;
            if (breach.isEmpty()) {
                Instant due = dueFrom(seg, allowed, cal);
                if (at.isAfter(due)) {
                    breach = Optional.of(due);
                }
            }
            Map<Integer, Instant> cross = new TreeMap<>(crossed);
            for (WarningThreshold w : tracker.policy.warnings()) {
                if (!cross.containsKey(w.percent())) {
                    Instant reached = reachedAt(seg, amount(allowed, w), cal);
                    if (!reached.isAfter(at)) {
                        cross.put(w.percent(), reached);
                    }
                }
            }
            return new Run(startedAt, used, Optional.of(at), metAt, breach, Collections.unmodifiableMap(cross));
        }

        Run meet(Instant at, SlaClockTracker tracker, SlaTarget target) {
            Run r = advance(at, target, tracker);
            return new Run(r.startedAt, r.usedBefore, Optional.empty(), Optional.of(at), r.breachedAt, r.crossed);
        }

        Run pause(Instant at, SlaClockTracker tracker, SlaTarget target) {
            Run r = advance(at, target, tracker);
            return new Run(r.startedAt, r.usedBefore, Optional.empty(), r.metAt, r.breachedAt, r.crossed);
        }

        Run resume(Instant at) {
            return counting() ? this
                    : new Run(startedAt, usedBefore, Optional.of(at), metAt, breachedAt, crossed);
        }

        Run reopen(Instant at, boolean paused) {
            return new Run(startedAt, usedBefore, paused ? Optional.empty() : Optional.of(at), Optional.empty(),
                    breachedAt, crossed);
        }

        SlaClock view(SlaTarget target, Instant now, SlaClockTracker tracker) {
            Duration allowed = tracker.allowed(target);
            BusinessCalendar cal = tracker.calendar;
            Run r = advance(now, target, tracker);
            Optional<Instant> due = segmentStart.map(seg -> r.breachedAt.orElseGet(() -> dueFrom(seg, allowed, cal)));
            List<SlaClockWarning> warnings = new ArrayList<>();
            for (WarningThreshold w : tracker.policy.warnings()) {
                Duration amount = amount(allowed, w);
                Instant crossedAt = r.crossed.get(w.percent());
                Optional<Instant> at = crossedAt != null ? Optional.of(crossedAt)
                        : segmentStart.map(seg -> reachedAt(seg, amount, cal));
                warnings.add(new SlaClockWarning(w, amount, at, crossedAt != null));
            }
            SlaClockStatus status = r.breachedAt.isPresent() ? SlaClockStatus.BREACHED
                    : !open() ? SlaClockStatus.MET
                    : counting() ? SlaClockStatus.RUNNING : SlaClockStatus.PAUSED;
            return new SlaClock(target, status, allowed, r.usedBefore, startedAt, due, metAt, r.breachedAt,
                    warnings, now);
        }

        static Duration amount(Duration allowed, WarningThreshold w) {
            return allowed.multipliedBy(w.percent()).dividedBy(100);
        }
    }
}

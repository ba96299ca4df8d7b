package dev.tiketti.core.ticket;

import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * Criteria for listing tickets; every present criterion must match. Results are ordered by key
 * (prefix, then number) and capped at {@code limit}. State <em>categories</em> are not a criterion
 * here, since a store knows no workflows: {@code Ticketing.query(query, categories)} resolves them to
 * state names.
 *
 * @param states      state names to include; empty means any
 * @param assignee    tickets of this handler
 * @param unassignedOnly only tickets nobody handles (cannot be combined with {@code assignee})
 * @param updatedSince only tickets whose {@code updatedAt} is at or after this instant
 * @param slaDueBefore only tickets whose {@code slaDue} is present and strictly before this instant
 *                     (exclusive, like {@link Instant#isBefore}); overdue tickets are included
 * @param after        keyset paging: only tickets whose key sorts after this one (prefix, then number);
 *                     pass the last key of a page to read the next page, which never skips or repeats a ticket
 * @since 0.1
 */
public record TicketQuery(Optional<TeamId> team, Set<String> states, Optional<AgentId> assignee, boolean unassignedOnly,
                          Optional<String> typeId, Optional<Classification> classificationPrefix,
                          Optional<ContactId> requester, Optional<Instant> updatedSince,
                          Optional<Instant> slaDueBefore, Optional<TicketKey> after, int limit) {
    public static final int DEFAULT_LIMIT = 1000;

    /** The order of results and of {@link #after}: by prefix, then by number. */
    public static final Comparator<TicketKey> KEY_ORDER =
            Comparator.comparing(TicketKey::prefix).thenComparingLong(TicketKey::number);

    /** The criteria of version 0.1, without {@code updatedSince} and {@code after}; kept for source compatibility. */
    public TicketQuery(Optional<TeamId> team, Set<String> states, Optional<AgentId> assignee, boolean unassignedOnly,
                       Optional<String> typeId, Optional<Classification> classificationPrefix,
                       Optional<ContactId> requester, int limit) {
        this(team, states, assignee, unassignedOnly, typeId, classificationPrefix, requester, Optional.empty(),
                Optional.empty(), Optional.empty(), limit);
    }

    /** The criteria before {@code slaDueBefore} was added; kept for source compatibility. */
    public TicketQuery(Optional<TeamId> team, Set<String> states, Optional<AgentId> assignee, boolean unassignedOnly,
                       Optional<String> typeId, Optional<Classification> classificationPrefix,
                       Optional<ContactId> requester, Optional<Instant> updatedSince, Optional<TicketKey> after,
                       int limit) {
        this(team, states, assignee, unassignedOnly, typeId, classificationPrefix, requester, updatedSince,
                Optional.empty(), after, limit);
    }

    public TicketQuery {
        Require.nonNull(team, "team");
        states = Set.copyOf(Require.listOf(states, "states"));
        Require.nonNull(assignee, "assignee");
        Require.nonNull(typeId, "typeId");
        Require.nonNull(classificationPrefix, "classificationPrefix");
        Require.nonNull(requester, "requester");
        Require.nonNull(updatedSince, "updatedSince");
        Require.nonNull(slaDueBefore, "slaDueBefore");
        Require.nonNull(after, "after");
        Require.argument(!(unassignedOnly && assignee.isPresent()), TicketMessages::unassignedOfAssignee);
        Require.argument(limit >= 1, () -> TicketMessages.queryLimitBelowOne(limit));
    }

    /** Every ticket, up to the default limit. */
    public static TicketQuery all() {
        return new TicketQuery(Optional.empty(), Set.of(), Optional.empty(), false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
    }

    public TicketQuery team(TeamId value) {
        return new TicketQuery(Optional.of(value), states, assignee, unassignedOnly, typeId, classificationPrefix, requester, updatedSince, slaDueBefore, after, limit);
    }

    public TicketQuery states(Set<String> value) {
        return new TicketQuery(team, value, assignee, unassignedOnly, typeId, classificationPrefix, requester, updatedSince, slaDueBefore, after, limit);
    }

    public TicketQuery assignee(AgentId value) {
        return new TicketQuery(team, states, Optional.of(value), false, typeId, classificationPrefix, requester, updatedSince, slaDueBefore, after, limit);
    }

    public TicketQuery unassigned() {
        return new TicketQuery(team, states, Optional.empty(), true, typeId, classificationPrefix, requester, updatedSince, slaDueBefore, after, limit);
    }

    public TicketQuery type(String value) {
        return new TicketQuery(team, states, assignee, unassignedOnly, Optional.of(value), classificationPrefix, requester, updatedSince, slaDueBefore, after, limit);
    }

    public TicketQuery classifiedUnder(Classification value) {
        return new TicketQuery(team, states, assignee, unassignedOnly, typeId, Optional.of(value), requester, updatedSince, slaDueBefore, after, limit);
    }

    public TicketQuery requester(ContactId value) {
        return new TicketQuery(team, states, assignee, unassignedOnly, typeId, classificationPrefix, Optional.of(value), updatedSince, slaDueBefore, after, limit);
    }

    /** Only tickets changed at or after {@code value}, e.g. to poll a queue for what moved. */
    public TicketQuery updatedSince(Instant value) {
        return new TicketQuery(team, states, assignee, unassignedOnly, typeId, classificationPrefix, requester,
                Optional.of(Require.nonNull(value, "updatedSince")), slaDueBefore, after, limit);
    }

    /**
     * Only tickets whose {@link dev.tiketti.core.ticket.Ticket#slaDue() SLA due instant} is strictly
     * before {@code value}: the queue "what breaches in the next two hours" is
     * {@code slaDueBefore(now.plus(Duration.ofHours(2)))}, and includes tickets already overdue, whose
     * due instant lies in the past. Tickets without a running SLA clock (no policy, all targets met,
     * clock paused) never match. Results stay in key order; sort a page by {@code slaDue} to show the
     * most urgent first.
     */
    public TicketQuery slaDueBefore(Instant value) {
        return new TicketQuery(team, states, assignee, unassignedOnly, typeId, classificationPrefix, requester,
                updatedSince, Optional.of(Require.nonNull(value, "slaDueBefore")), after, limit);
    }

    /**
     * The next page: only tickets whose key sorts after {@code value} (prefix, then number). Read a
     * whole queue with {@code q.limit(n)}, then {@code q.after(lastKeyOfPreviousPage)} until a page is
     * shorter than {@code n}; tickets are neither skipped nor repeated, whatever changes between pages.
     */
    public TicketQuery after(TicketKey value) {
        return new TicketQuery(team, states, assignee, unassignedOnly, typeId, classificationPrefix, requester,
                updatedSince, slaDueBefore, Optional.of(Require.nonNull(value, "after")), limit);
    }

    public TicketQuery limit(int value) {
        return new TicketQuery(team, states, assignee, unassignedOnly, typeId, classificationPrefix, requester, updatedSince, slaDueBefore, after, value);
    }

    /** Whether a ticket matches; the reference semantics every store must follow. */
    public boolean matches(dev.tiketti.core.ticket.Ticket t) {
        return team.map(t.team()::equals).orElse(true)
                && (states.isEmpty() || states.contains(t.state()))
                && assignee.map(a -> t.assignee().map(a::equals).orElse(false)).orElse(true)
                && (!unassignedOnly || t.assignee().isEmpty())
                && typeId.map(t.typeId()::equals).orElse(true)
                && classificationPrefix.map(p -> t.classification().map(c -> c.startsWith(p)).orElse(false)).orElse(true)
                && requester.map(t.requester()::equals).orElse(true)
                && updatedSince.map(since -> !t.updatedAt().isBefore(since)).orElse(true)
                && slaDueBefore.map(before -> t.slaDue().map(due -> due.isBefore(before)).orElse(false)).orElse(true)
                && after.map(k -> KEY_ORDER.compare(t.key(), k) > 0).orElse(true);
    }
}

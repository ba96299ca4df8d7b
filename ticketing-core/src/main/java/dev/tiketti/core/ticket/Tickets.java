package dev.tiketti.core.ticket;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tickets, from {@code Ticketing.tickets()}: open them, move them through their workflow, change
 * them, add to their timeline, and read them with their timeline and history. Every change runs in
 * one unit of work; a refused or invalid request changes nothing. Thread-safe.
 *
 * @since 0.1
 */
public interface Tickets {

    /** Opens a ticket in its workflow's initial state, with a timeline entry for the first message or call. */
    Ticket open(OpenTicket request);

    /**
     * Takes a named transition. Every guard is evaluated; if any refuses, a
     * {@link dev.tiketti.core.common.TransitionRejectedException} lists all reasons and nothing changes.
     */
    Ticket transition(TransitionRequest request);

    /** Changes assignee, priority, classification, subject or custom fields; recorded in the history. */
    Ticket update(TicketUpdate request);

    /**
     * Adds a message, reply, note or phone call to a ticket's timeline. A public outbound reply is
     * delivered to the requester through the outbound transport after commit.
     */
    TimelineEntry addEntry(NewEntry request);

    /**
     * Moves a ticket to the latest version of its workflow. Its state keeps its name unless
     * {@code stateMapping} maps it to another; the resulting state must exist in the new version.
     */
    Ticket upgradeWorkflow(TicketId id, Map<String, String> stateMapping, Actor actor);

    Optional<Ticket> find(TicketId id);

    Optional<Ticket> find(TicketKey key);

    /** The ticket, or a {@link dev.tiketti.core.common.NotFoundException}. */
    Ticket get(TicketId id);

    /** The ticket, or a {@link dev.tiketti.core.common.NotFoundException}. */
    Ticket get(TicketKey key);

    /** Messages, replies, notes and calls of a ticket, oldest first. */
    List<TimelineEntry> timeline(TicketId id);

    /** The action history of a ticket, oldest first (R2). */
    List<HistoryEntry> history(TicketId id);

    /**
     * Tickets matching {@code query}, ordered by key; page with {@link TicketQuery#limit} and
     * {@link TicketQuery#after}. To filter by requester e-mail, resolve it first with
     * {@code privacy().access().findContactByEmail(...)} and pass the contact's id to
     * {@link TicketQuery#requester}.
     */
    List<Ticket> query(TicketQuery query);

    /**
     * A work queue by state category: tickets matching {@code query} whose state has one of
     * {@code categories} in its workflow, e.g. every NEW or OPEN ticket of a team whatever its
     * workflow calls those states; names already in {@code query.states()} narrow the result
     * further. Fails, changing nothing, if a state name carries another category in some workflow,
     * since a name cannot tell those tickets apart.
     */
    List<Ticket> query(TicketQuery query, Set<StateCategory> categories);

    /** The category of the ticket's current state in the workflow version it follows. */
    StateCategory category(Ticket ticket);

    /** The transitions from the ticket's current state, each with whether {@code actor} may take it now. */
    List<TransitionOption> transitionsFor(TicketId id, Actor actor);
}

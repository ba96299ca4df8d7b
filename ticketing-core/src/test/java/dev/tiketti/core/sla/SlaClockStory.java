package dev.tiketti.core.sla;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.ticket.CustomFields;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A ticket's story written the way the facade records it: one history entry per change (an
 * ENTRY_ADDED entry beside each timeline entry), states named after their categories unless a
 * category function says otherwise. Also keeps the live {@link SlaClockTracker} the events give.
 */
final class SlaClockStory {
    static final ContactId REQUESTER = ContactId.of("0b8e6f7a-0000-4000-8000-00000000aaaa");
    static final Actor AGENT = Actor.agent("maija.virtanen");

    final TicketId id = TicketId.random();
    final Ticket ticket;
    final List<HistoryEntry> history = new ArrayList<>();
    final List<TimelineEntry> timeline = new ArrayList<>();
    final List<SlaClockEvent> liveEvents = new ArrayList<>();
    private String state;

    private SlaClockStory(Instant at, String initialState) {
        ticket = new Ticket(id, new TicketKey("HR", 1042), "HR", "hr", 1, initialState, Optional.empty(),
                Priority.NORMAL, REQUESTER, Optional.empty(), Optional.empty(), new TeamId("hr"), Channel.EMAIL,
                "Lomapäivät", Optional.empty(), CustomFields.empty(), at, at, Optional.empty(), 1);
        state = initialState;
        history.add(new HistoryEntry(id, 1, at, Actor.contact(REQUESTER), HistoryAction.CREATED, Optional.empty(),
                List.of(FieldChange.of("state", null, initialState), FieldChange.of("priority", null, Priority.NORMAL))));
        // The opening message, as Ticketing.open records it: a timeline entry without an ENTRY_ADDED entry.
        timeline.add(new TimelineEntry(UUID.randomUUID(), id, EntryKind.INBOUND_MESSAGE, Actor.contact(REQUESTER),
                Visibility.PUBLIC, Channel.EMAIL, "Hei, lomapäiväni puuttuvat.", List.of(), at));
    }

    static Instant hki(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Europe/Helsinki")).toInstant();
    }

    static SlaClockStory opened(Instant at) {
        return new SlaClockStory(at, "NEW");
    }

    static SlaClockStory opened(Instant at, String initialState) {
        return new SlaClockStory(at, initialState);
    }

    SlaClockStory state(Instant at, String to) {
        history.add(new HistoryEntry(id, history.size() + 1, at, AGENT, HistoryAction.TRANSITIONED,
                Optional.of("to-" + to), List.of(FieldChange.of("state", state, to))));
        state = to;
        return this;
    }

    SlaClockStory assigned(Instant at) {
        history.add(new HistoryEntry(id, history.size() + 1, at, AGENT, HistoryAction.UPDATED, Optional.empty(),
                List.of(FieldChange.of("assignee", null, "maija.virtanen"))));
        return this;
    }

    SlaClockStory reply(Instant at) {
        return entry(at, EntryKind.OUTBOUND_REPLY, AGENT, Visibility.PUBLIC);
    }

    SlaClockStory internalReply(Instant at) {
        return entry(at, EntryKind.OUTBOUND_REPLY, AGENT, Visibility.INTERNAL);
    }

    SlaClockStory systemReply(Instant at) {
        return entry(at, EntryKind.OUTBOUND_REPLY, Actor.system(), Visibility.PUBLIC);
    }

    SlaClockStory note(Instant at) {
        return entry(at, EntryKind.INTERNAL_NOTE, AGENT, Visibility.INTERNAL);
    }

    SlaClockStory call(Instant at) {
        return entry(at, EntryKind.PHONE_CALL, AGENT, Visibility.INTERNAL);
    }

    SlaClockStory customer(Instant at) {
        return entry(at, EntryKind.INBOUND_MESSAGE, Actor.contact(REQUESTER), Visibility.PUBLIC);
    }

    private SlaClockStory entry(Instant at, EntryKind kind, Actor author, Visibility visibility) {
        timeline.add(new TimelineEntry(UUID.randomUUID(), id, kind, author, visibility, Channel.EMAIL, "…", List.of(), at));
        history.add(new HistoryEntry(id, history.size() + 1, at, author, HistoryAction.ENTRY_ADDED, Optional.empty(),
                List.of(FieldChange.of("timeline", null, kind))));
        return this;
    }

    SlaClocks at(Instant now, SlaPolicy policy) {
        return at(now, policy, BusinessCalendars.finland());
    }

    SlaClocks at(Instant now, SlaPolicy policy, BusinessCalendar calendar) {
        return SlaClocks.compute(ticket, history, timeline, StateCategory::valueOf, policy, calendar, now);
    }

    SlaClock clock(Instant now, SlaPolicy policy, SlaTarget target) {
        return at(now, policy).clock(target).orElseThrow();
    }

    /** What a host would have applied live, entry by entry, in the order the changes were made. */
    SlaClockTracker live(SlaPolicy policy, BusinessCalendar calendar, Function<String, StateCategory> categories) {
        SlaClockTracker t = SlaClockTracker.start(policy, calendar, ticket.createdAt(), categories.apply(
                history.get(0).changes().get(0).to().orElseThrow()));
        int timelineIndex = 1; // the opening message came with the ticket (no clock moves on it before a reply)
        for (HistoryEntry h : history.subList(1, history.size())) {
            if (h.action() == HistoryAction.ENTRY_ADDED) {
                Optional<SlaClockEvent> e = SlaClockEvent.of(timeline.get(timelineIndex++));
                if (e.isPresent()) {
                    t = t.apply(e.get());
                }
            } else {
                Optional<SlaClockEvent> e = SlaClockEvent.of(h, categories);
                if (e.isPresent()) {
                    t = t.apply(e.get());
                }
            }
        }
        return t;
    }
}

package dev.tiketti.core.sla;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.ticket.EntryKind;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.Visibility;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * What moves SLA clocks: the ticket entering a state of some category, a customer message, a
 * public reply by the team. Derived from history and timeline entries by the {@code of} methods;
 * applied one at a time by {@link SlaClockTracker#apply}.
 *
 * @since 0.1
 */
public sealed interface SlaClockEvent {

    /** When it happened. */
    Instant at();

    /** The ticket entered a state of {@code category} (a transition, a workflow upgrade). */
    record StateEntered(Instant at, StateCategory category) implements SlaClockEvent {
        public StateEntered {
            Require.nonNull(at, "at");
            Require.nonNull(category, "category");
        }
    }

    /** An inbound message from the requester or a third party. */
    record CustomerMessage(Instant at) implements SlaClockEvent {
        public CustomerMessage {
            Require.nonNull(at, "at");
        }
    }

    /** A public outbound reply written by a person (not by Tiketti itself). */
    record PublicReply(Instant at) implements SlaClockEvent {
        public PublicReply {
            Require.nonNull(at, "at");
        }
    }

    /**
     * The event a timeline entry is for SLA purposes: an {@code INBOUND_MESSAGE} is a customer
     * message; an {@code OUTBOUND_REPLY} with {@code PUBLIC} visibility by an agent or contact (not
     * {@link Actor.Kind#SYSTEM}, so automatic acknowledgements do not count) is a public reply;
     * internal notes, internal replies and phone calls move no clock.
     */
    static Optional<SlaClockEvent> of(TimelineEntry entry) {
        Require.nonNull(entry, "timeline entry");
        if (entry.kind() == EntryKind.INBOUND_MESSAGE) {
            return Optional.of(new CustomerMessage(entry.at()));
        }
        if (entry.kind() == EntryKind.OUTBOUND_REPLY && entry.visibility() == Visibility.PUBLIC
                && entry.author().kind() != Actor.Kind.SYSTEM) {
            return Optional.of(new PublicReply(entry.at()));
        }
        return Optional.empty();
    }

    /**
     * The state change a history entry records, if any: the new value of its {@code state} field
     * change, categorised by {@code categoryOfState}. A {@code CREATED} entry yields no event
     * (opening is {@link SlaClockTracker#start}).
     *
     * @throws dev.tiketti.core.common.TicketingException {@code TKT-0714} if {@code categoryOfState} has no category for the state
     */
    static Optional<SlaClockEvent> of(HistoryEntry entry, Function<String, StateCategory> categoryOfState) {
        Require.nonNull(entry, "history entry");
        Require.nonNull(categoryOfState, "categoryOfState");
        if (entry.action() == HistoryAction.CREATED) {
            return Optional.empty();
        }
        return SlaClockEvent.stateOf(entry).map(state -> new StateEntered(entry.at(),
                SlaClocks.category(state, categoryOfState)));
    }

    /** The state a history entry moved the ticket to, if it changed the state. */
    private static Optional<String> stateOf(HistoryEntry entry) {
        return entry.changes().stream().filter(c -> c.field().equals("state")).reduce((a, b) -> b)
                .flatMap(FieldChange::to);
    }
}

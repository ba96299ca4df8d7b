package dev.tiketti.testkit;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.spi.OutboundMessage;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TimelineEntry;
import dev.tiketti.core.ticket.TransitionOption;
import dev.tiketti.core.ticket.TransitionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One ticket in a fresh Tiketti, arranged by {@link WorkflowTestKit#given}; attempt transitions
 * on it with {@link #when}. Gives access to the real {@link Ticketing} for anything the fluent
 * vocabulary does not cover.
 *
 * @since 0.1
 */
public final class TicketScenario {
    private final WorkflowTestKit kit;
    private final Ticketing ticketing;
    private final RecordingOutboundTransport outbox;
    private final List<TicketEvent> events;
    private final TicketId ticketId;
    private final Contact requester;

    TicketScenario(WorkflowTestKit kit, Ticketing ticketing, RecordingOutboundTransport outbox,
                   List<TicketEvent> events, TicketId ticketId, Contact requester) {
        this.kit = kit;
        this.ticketing = ticketing;
        this.outbox = outbox;
        this.events = events;
        this.ticketId = ticketId;
        this.requester = requester;
    }

    /**
     * Attempts the transition on the ticket as it is now and records the outcome. Never throws
     * for a refusal or another {@link TicketingException}: assert on the result instead.
     */
    public TransitionResult when(WhenTransition attempt) {
        Objects.requireNonNull(attempt, "attempt");
        widenDefaultType(attempt.fields());
        TransitionRequest request = attempt.toRequest(ticketId, requester.id());
        Ticket before = ticket();
        List<HistoryEntry> historyBefore = history();
        List<TimelineEntry> timelineBefore = timeline();
        int eventsBefore = events.size();
        int sentBefore = outbox.sent().size();
        Optional<TicketingException> failure = Optional.empty();
        try {
            ticketing.tickets().transition(request);
        } catch (TicketingException e) {
            failure = Optional.of(e);
        }
        List<OutboundMessage> sent = outbox.sent();
        return new TransitionResult(this, attempt, before, ticket(), historyBefore, history(), timelineBefore,
                timeline(), List.copyOf(events.subList(eventsBefore, events.size())),
                List.copyOf(sent.subList(sentBefore, sent.size())), failure);
    }

    /** The kit's own type grows the fields a scenario types in, so hosts need not declare them. */
    private void widenDefaultType(Map<String, Object> fields) {
        if (!kit.usesDefaultType()) {
            return;
        }
        TicketType current = ticketing.definitions().type(WorkflowTestKit.DEFAULT_TYPE).orElseThrow();
        List<FieldDefinition> all = new ArrayList<>(current.fields());
        fields.forEach((name, value) -> {
            if (current.field(name).isEmpty() && value != null) {
                all.add(FieldDefinition.of(name, WorkflowTestKit.kindOf(value)));
            }
        });
        if (all.size() > current.fields().size()) {
            ticketing.definitions().defineType(new TicketType(current.id(), current.team(), current.keyPrefix(),
                    current.displayName(), current.workflowId(), all));
        }
    }

    /** The ticket as stored now. */
    public Ticket ticket() {
        return ticketing.tickets().get(ticketId);
    }

    /** Its action history, oldest first. */
    public List<HistoryEntry> history() {
        return ticketing.tickets().history(ticketId);
    }

    /** Its timeline, oldest first. */
    public List<TimelineEntry> timeline() {
        return ticketing.tickets().timeline(ticketId);
    }

    /** The transitions from the current state, each with whether {@code actor} may take it now. */
    public List<TransitionOption> optionsFor(TestAgent agent) {
        return ticketing.tickets().transitionsFor(ticketId, agent.toActor());
    }

    /** The (invented) requester of the ticket. */
    public Contact requester() {
        return requester;
    }

    /** The Tiketti instance of this scenario: in-memory stores, the kit's clock, a recording transport. */
    public Ticketing ticketing() {
        return ticketing;
    }

    /** Every event delivered since the ticket was arranged, in order. */
    public List<TicketEvent> events() {
        return List.copyOf(events);
    }

    /** Every message sent since the ticket was arranged, in order. */
    public List<OutboundMessage> messages() {
        return outbox.sent();
    }
}

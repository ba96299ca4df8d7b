package dev.tiketti.testkit;

import dev.tiketti.core.Ticketing;
import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.event.TicketEvent;
import dev.tiketti.core.inmemory.InMemoryTicketStore;
import dev.tiketti.core.inmemory.RecordingOutboundTransport;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.spi.TicketChange;
import dev.tiketti.core.ticket.FieldChange;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.FieldKind;
import dev.tiketti.core.ticket.HistoryAction;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.OpenTicket;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.StateDefinition;
import dev.tiketti.core.workflow.TransitionDefinition;
import dev.tiketti.core.workflow.WorkflowDefinition;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fluent harness for testing a host's own workflow on the real engine: each scenario builds a
 * fresh {@link Ticketing} on the in-memory stores with a pinned clock, publishes the workflow,
 * defines the type, opens a ticket as described, attempts a transition and records what
 * happened: the ticket before and after, the history entries, the timeline entries, the
 * outbound messages and the events delivered to listeners.
 *
 * <pre>{@code
 * import static dev.tiketti.testkit.WorkflowTestKit.*;
 * import static dev.tiketti.testkit.EventKind.*;
 *
 * WorkflowTestKit.of(hrWorkflow).type(annualLeave).clock(clock)
 *     .given(ticket().inState("NEW").classifiedAs("Palkka").field("leaveYear", 2025))
 *     .when(transition("start").by(agent("maija").withRoles("hr")))
 *     .thenState("OPEN").thenEvents().containsExactly(TRANSITIONED);
 *
 * WorkflowTestKit.of(hrWorkflow).type(annualLeave)
 *     .given(ticket().inState("OPEN").field("leaveYear", 2025))
 *     .when(transition("resolve").by(agent("maija")))
 *     .thenRejected().withReasonContaining("resolution").andTicketUnchanged();
 * }</pre>
 *
 * <p><b>How the given state is reached.</b> The ticket is opened through {@code Ticketing.tickets().open}
 * (so its fields are validated against the type), then, if another state or a resolution is
 * asked for, written there directly through the ticket store as one {@code UPDATED} history
 * entry by the system. No transition on the way runs, so no guard of the path has to be
 * satisfied and no effect of the path happens: the scenario starts exactly as described.
 * Events of this arrangement are not recorded.
 *
 * <p><b>The ticket type.</b> Pass the host's own with {@link #type}. Without one the kit defines
 * a type {@code testkit} (key prefix {@code TEST}) declaring, as optional fields, every field the
 * workflow's guards and effects name and every field a scenario gives a value for, each of the
 * kind its value suggests (number, date, boolean, contact id, else text).
 *
 * <p>Instances are immutable: {@link #type} and {@link #clock} return new kits. Each
 * {@link #given} starts from empty stores, so scenarios never see each other.
 *
 * @since 0.1
 */
public final class WorkflowTestKit {
    /** The instant a kit's default clock shows: a Thursday afternoon in Helsinki. */
    public static final String DEFAULT_TIME = "2024-12-05T15:55:00+02:00[Europe/Helsinki]";
    static final String DEFAULT_TYPE = "testkit";

    private final WorkflowDefinition workflow;
    private final Optional<TicketType> type;
    private final Clock clock;

    private WorkflowTestKit(WorkflowDefinition workflow, Optional<TicketType> type, Clock clock) {
        this.workflow = workflow;
        this.type = type;
        this.clock = clock;
    }

    /**
     * A kit for {@code workflow} (a draft or a published version; it is published afresh in each
     * scenario). It is validated at once, so a broken workflow fails here with every problem.
     */
    public static WorkflowTestKit of(WorkflowDefinition workflow) {
        Objects.requireNonNull(workflow, "workflow");
        workflow.validate();
        return new WorkflowTestKit(workflow, Optional.empty(), MutableClock.at(DEFAULT_TIME));
    }

    /** Uses the host's ticket type; its workflow id must be this kit's workflow. */
    public WorkflowTestKit type(TicketType ticketType) {
        Objects.requireNonNull(ticketType, "ticketType");
        if (!ticketType.workflowId().equals(workflow.id())) {
            throw new IllegalArgumentException("ticket type '" + ticketType.id() + "' follows workflow '"
                    + ticketType.workflowId() + "', but this kit tests workflow '" + workflow.id()
                    + "': pass a type of that workflow");
        }
        return new WorkflowTestKit(workflow, Optional.of(ticketType), clock);
    }

    /**
     * The clock Tiketti reads, usually a {@link MutableClock} the test advances between steps;
     * by default a MutableClock at {@link #DEFAULT_TIME}.
     */
    public WorkflowTestKit clock(Clock value) {
        return new WorkflowTestKit(workflow, type, Objects.requireNonNull(value, "clock"));
    }

    /** The workflow under test. */
    public WorkflowDefinition workflow() {
        return workflow;
    }

    // ------------------------------------------------------------ vocabulary for static import

    /** A neutral ticket description to refine: see {@link GivenTicket}. */
    public static GivenTicket ticket() {
        return GivenTicket.defaults();
    }

    /** The transition {@code name}, to be refined with {@code by(...)}, resolution and fields. */
    public static WhenTransition transition(String name) {
        return WhenTransition.named(name);
    }

    /** A handler without roles; add them with {@link TestAgent#withRoles}. */
    public static TestAgent agent(String id) {
        return new TestAgent(id, java.util.Set.of());
    }

    // ------------------------------------------------------------ scenarios

    /**
     * Builds a fresh Tiketti and opens the ticket described by {@code given}.
     *
     * @throws IllegalArgumentException if the given state is not a state of the workflow
     * @throws dev.tiketti.core.common.ValidationException if its fields do not fit the ticket type
     */
    public TicketScenario given(GivenTicket given) {
        Objects.requireNonNull(given, "given");
        given.state().ifPresent(s -> {
            if (workflow.state(s).isEmpty()) {
                throw new IllegalArgumentException("state '" + s + "' is not a state of workflow '" + workflow.id()
                        + "'; its states are " + workflow.states().stream().map(StateDefinition::name).toList());
            }
        });
        InMemoryTicketStore store = new InMemoryTicketStore();
        RecordingOutboundTransport outbox = new RecordingOutboundTransport();
        List<TicketEvent> events = new CopyOnWriteArrayList<>();
        Ticketing ticketing = Ticketing.builder().ticketStore(store).outboundTransport(outbox).inMemory()
                .clock(clock).listener(events::add).build();
        ticketing.definitions().publishWorkflow(workflow.withVersion(0));
        TicketType ticketType = type.orElseGet(() -> defaultType(given.fields()));
        ticketing.definitions().defineType(ticketType);

        Contact requester = new Contact(ContactId.random(), "Testi Asiakas", List.of("asiakas@example.fi"),
                List.of(), given.requesterAssurance(), true);
        ticketing.privacy().register().save(requester);
        OpenTicket open = OpenTicket.of(ticketType.id(), requester.id(), given.subject(), given.channel())
                .body("Testikysymys").priority(given.priority());
        if (given.classification().isPresent()) {
            open = open.classification(given.classification().get());
        }
        if (given.assignee().isPresent()) {
            open = open.assignee(given.assignee().get());
        }
        for (Map.Entry<String, Object> field : given.fields().entrySet()) {
            open = open.field(field.getKey(), field.getValue());
        }
        Ticket opened = ticketing.tickets().open(open);
        arrange(store, opened, given);
        events.clear();
        outbox.clear();
        return new TicketScenario(this, ticketing, outbox, events, opened.id(), requester);
    }

    /** Writes the given state and resolution straight through the store: no path, no guards, no effects. */
    private void arrange(InMemoryTicketStore store, Ticket opened, GivenTicket given) {
        String state = given.state().orElse(opened.state());
        if (state.equals(opened.state()) && given.resolution().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Ticket arranged = opened.withState(state).withResolution(given.resolution().or(opened::resolution))
                .nextVersion(now);
        List<FieldChange> changes = new ArrayList<>();
        if (!state.equals(opened.state())) {
            changes.add(FieldChange.of("state", opened.state(), state));
        }
        given.resolution().ifPresent(r -> changes.add(FieldChange.of("resolution", null, r)));
        store.update(new TicketChange(arranged, opened.version(), List.of(), List.of(new HistoryEntry(
                opened.id(), arranged.version(), now, Actor.system(), HistoryAction.UPDATED, Optional.empty(),
                changes))));
    }

    boolean usesDefaultType() {
        return type.isEmpty();
    }

    /** The kit's own type: optional fields for what the workflow names and what scenarios give. */
    TicketType defaultType(Map<String, ?> values) {
        Map<String, FieldKind> kinds = new LinkedHashMap<>();
        for (TransitionDefinition t : workflow.transitions()) {
            for (Guard g : t.guards()) {
                if (g instanceof Guard.FieldRequired f) {
                    kinds.put(f.field(), FieldKind.TEXT);
                }
            }
            for (Effect e : t.effects()) {
                if (e instanceof Effect.SetField s) {
                    kinds.put(s.field(), FieldKind.TEXT);
                }
            }
        }
        values.forEach((name, value) -> kinds.put(name, kindOf(value)));
        return typeWith(kinds);
    }

    private TicketType typeWith(Map<String, FieldKind> kinds) {
        List<FieldDefinition> fields = new ArrayList<>();
        kinds.forEach((name, kind) -> fields.add(FieldDefinition.of(name, kind)));
        return new TicketType(DEFAULT_TYPE, TeamId.of("testkit"), "TEST", "Test kit ticket", workflow.id(), fields);
    }

    static FieldKind kindOf(Object value) {
        if (value instanceof Number) {
            return FieldKind.NUMBER;
        } else if (value instanceof LocalDate) {
            return FieldKind.DATE;
        } else if (value instanceof Boolean) {
            return FieldKind.BOOLEAN;
        } else if (value instanceof ContactId) {
            return FieldKind.CONTACT;
        }
        return FieldKind.TEXT;
    }

    static boolean sameValue(Object expected, Object actual) {
        if (expected instanceof Number n && actual instanceof BigDecimal b) {
            return new BigDecimal(n.toString()).compareTo(b) == 0;
        }
        return Objects.equals(expected, actual);
    }
}

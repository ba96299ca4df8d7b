package dev.tiketti.testkit.explore;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.common.TransitionRejectedException;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.TicketUpdate;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.testkit.GivenTicket;
import dev.tiketti.testkit.TicketScenario;
import dev.tiketti.testkit.TransitionResult;
import dev.tiketti.testkit.WhenTransition;
import dev.tiketti.testkit.WorkflowTestKit;
import dev.tiketti.testkit.generator.TicketingGenerators;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The explorer's only way into the engine: it arranges a ticket with given facts through
 * {@link WorkflowTestKit}, applies a move to it and reads the facts back. Every call into
 * {@code Ticketing} and every engine type the explorer needs is here.
 */
final class EngineDriver {
    /** The agent an {@link Move.Assign} assigns the ticket to. */
    static final String ASSIGNEE = "explorer.handler";
    /** The resolution attempts type in, and arranged tickets carry. */
    static final String RESOLUTION = "Ratkaistu (explorer)";

    private final WorkflowTestKit kit;
    private final Optional<TicketType> type;
    private final List<String> guardedFields;

    EngineDriver(WorkflowDefinition workflow, Optional<TicketType> type, List<String> guardedFields) {
        WorkflowTestKit k = WorkflowTestKit.of(workflow);
        this.kit = type.map(k::type).orElse(k);
        this.type = type;
        this.guardedFields = List.copyOf(guardedFields);
    }

    /** A live ticket, in a Tiketti of its own. */
    static final class Live {
        final TicketScenario scenario;

        Live(TicketScenario scenario) {
            this.scenario = scenario;
        }
    }

    /**
     * A fresh ticket with {@code facts}: opened with the type's mandatory fields and the guarded
     * fields {@code facts} has filled in, then placed in its state directly (see {@link WorkflowTestKit}).
     */
    Live arrange(Facts facts) {
        GivenTicket given = WorkflowTestKit.ticket().inState(facts.state())
                .requesterIdentifiedAt(facts.requesterAssurance());
        if (facts.assigned()) {
            given = given.assignedTo(ASSIGNEE);
        }
        if (facts.resolved()) {
            given = given.withResolution(RESOLUTION);
        }
        for (Map.Entry<String, Object> f : fieldsOnOpening(facts.filledIn()).entrySet()) {
            given = given.field(f.getKey(), f.getValue());
        }
        return new Live(kit.given(given));
    }

    private Map<String, Object> fieldsOnOpening(SortedSet<String> filledIn) {
        Map<String, Object> values = new LinkedHashMap<>();
        type.ifPresent(t -> t.fields().stream().filter(FieldDefinition::mandatory)
                .forEach(f -> values.put(f.name(), valueFor(f.name()))));
        filledIn.forEach(f -> values.put(f, valueFor(f)));
        return values;
    }

    /** A value the ticket type accepts for {@code field}: text for the kit's own type. */
    Object valueFor(String field) {
        Optional<FieldDefinition> declared = type.flatMap(t -> t.field(field));
        return declared.map(d -> TicketingGenerators.fieldValue(new SplittableRandom(field.hashCode()), d))
                .orElse("arvo");
    }

    /** What guards look at, as the ticket is stored now. */
    Facts facts(Live live) {
        Ticket t = live.scenario.ticket();
        SortedSet<String> filled = new TreeSet<>();
        for (String f : guardedFields) {
            if (t.fields().has(f)) {
                filled.add(f);
            }
        }
        return new Facts(t.state(), live.scenario.requester().assurance(), t.assignee().isPresent(),
                t.resolution().isPresent(), filled);
    }

    /** Applies {@code move} to the live ticket and describes the outcome as step {@code number}. */
    Step apply(Live live, Move move, int number) {
        Facts before = facts(live);
        Ticket ticketBefore = live.scenario.ticket();
        int historyBefore = live.scenario.history().size();
        Step.Outcome outcome = Step.Outcome.TAKEN;
        List<String> reasons = List.of();
        Optional<String> code = Optional.empty();
        Optional<TicketingException> failure;
        if (move instanceof Move.Attempt a) {
            failure = attempt(live, a).failure();
        } else {
            failure = update(live, move);
        }
        if (failure.isPresent()) {
            code = Optional.of(failure.get().code().name());
            if (failure.get() instanceof TransitionRejectedException rejected) {
                outcome = Step.Outcome.REFUSED;
                reasons = rejected.reasons();
            } else {
                outcome = Step.Outcome.FAILED;
                reasons = List.of(String.valueOf(failure.get().getMessage()));
            }
        }
        return new Step(number, move, before, facts(live), outcome, reasons, code, ticketBefore,
                live.scenario.ticket(), historyBefore, live.scenario.history().size());
    }

    private TransitionResult attempt(Live live, Move.Attempt a) {
        WhenTransition w = WhenTransition.named(a.transition());
        w = switch (a.who().kind()) {
            case AGENT -> w.by(a.who().agent().orElseThrow());
            case REQUESTER -> w.byRequester();
            case SYSTEM -> w;
        };
        if (a.withResolution()) {
            w = w.withResolution(RESOLUTION);
        }
        for (String f : a.withFields()) {
            w = w.withField(f, valueFor(f));
        }
        return live.scenario.when(w);
    }

    private Optional<TicketingException> update(Live live, Move move) {
        TicketUpdate update = TicketUpdate.of(live.scenario.ticket().id(), Actor.system())
                .assignTo(new AgentId(ASSIGNEE));
        try {
            live.scenario.ticketing().tickets().update(update);
            return Optional.empty();
        } catch (TicketingException e) {
            return Optional.of(e);
        }
    }
}

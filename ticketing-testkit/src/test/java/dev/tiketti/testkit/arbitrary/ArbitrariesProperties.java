package dev.tiketti.testkit.arbitrary;

import static dev.tiketti.testkit.WorkflowTestKit.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.ValidationException;
import dev.tiketti.core.inmemory.InMemoryTicketStore;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.workflow.StateDefinition;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.testkit.GivenTicket;
import dev.tiketti.testkit.TicketScenario;
import dev.tiketti.testkit.WhenTransition;
import dev.tiketti.testkit.WorkflowTestKit;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/** The arbitraries do what they promise: otherwise the workflow properties would prove little. */
@Label("Arbitraries")
class ArbitrariesProperties {

    record Typed(WorkflowDefinition workflow, TicketType type, Map<String, Object> values) {
    }

    @Provide
    Arbitrary<Typed> typed() {
        return TicketingArbitraries.workflows().flatMap(w -> TicketingArbitraries.ticketTypes(w)
                .flatMap(t -> TicketingArbitraries.customFieldValues(t).map(v -> new Typed(w, t, v))));
    }

    @Provide
    Arbitrary<Tuple.Tuple2<FieldDefinition, Object>> invalidValues() {
        return TicketingArbitraries.fieldDefinitions()
                .flatMap(f -> TicketingArbitraries.invalidFieldValues(f).map(v -> Tuple.of(f, v)));
    }

    @Provide
    Arbitrary<Ticket> tickets() {
        return TicketingArbitraries.tickets();
    }

    @Property(tries = 60)
    @Label("generated types are accepted with their workflow, and generated field values are accepted by them")
    void validValuesAccepted(@ForAll("typed") Typed typed) {
        GivenTicket given = ticket();
        for (Map.Entry<String, Object> e : typed.values().entrySet()) {
            given = given.field(e.getKey(), e.getValue());
        }
        TicketScenario scenario = WorkflowTestKit.of(typed.workflow()).type(typed.type()).given(given);
        assertThat(scenario.ticket().fields().values().keySet()).containsExactlyInAnyOrderElementsOf(typed.values().keySet());
    }

    @Property(tries = 60)
    @Label("generated invalid field values are refused")
    void invalidValuesRefused(@ForAll("invalidValues") Tuple.Tuple2<FieldDefinition, Object> invalid) {
        WorkflowDefinition workflow = simpleWorkflow();
        TicketType type = new TicketType("generated", TeamId.of("testkit"), "GEN", "Generated",
                workflow.id(), List.of(invalid.get1()));
        assertThatThrownBy(() -> WorkflowTestKit.of(workflow).type(type)
                .given(ticket().field(invalid.get1().name(), invalid.get2())))
                .isInstanceOf(ValidationException.class).hasMessageContaining(invalid.get1().name());
    }

    private static WorkflowDefinition simpleWorkflow() {
        return WorkflowDefinition.builder("simple")
                .state("NEW", StateCategory.NEW)
                .state("CLOSED", StateCategory.CLOSED)
                .transition("close").from("NEW").to("CLOSED").build();
    }

    @Property(tries = 100)
    @Label("any generated ticket round-trips through the in-memory ticket store")
    void ticketsRoundTrip(@ForAll("tickets") Ticket ticket) {
        InMemoryTicketStore store = new InMemoryTicketStore();
        store.create(ticket, List.of(), List.of());
        assertThat(store.find(ticket.id())).contains(ticket);
        assertThat(store.findByKey(ticket.key())).contains(ticket);
    }

    record Attempts(WorkflowDefinition workflow, String start, List<WhenTransition> attempts) {
    }

    @Provide
    Arbitrary<Attempts> attempts() {
        return TicketingArbitraries.workflows().flatMap(w -> TicketingArbitraries.ticketTypes(w)
                .flatMap(t -> Arbitraries.of(w.states()).map(StateDefinition::name)
                        .flatMap(s -> TicketingArbitraries.transitionAttempts(w, t, s, 10)
                                .map(a -> new Attempts(w, s, a)))));
    }

    @Property(tries = 60)
    @Label("attempts name declared transitions or the impossible one, and mostly follow the workflow from the start state")
    void attemptsFollowTheWorkflow(@ForAll("attempts") Attempts run) {
        assertThat(run.attempts()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        String state = run.start();
        for (WhenTransition attempt : run.attempts()) {
            String name = attempt.name();
            if (name.equals(TicketingArbitraries.NO_SUCH_TRANSITION)) {
                Statistics.label("attempt").collect("impossible");
                continue;
            }
            assertThat(run.workflow().transition(name)).as("transition '%s' is declared", name).isPresent();
            boolean leaves = run.workflow().transition(name).orElseThrow().leaves(state);
            Statistics.label("attempt").collect(leaves ? "follows" : "elsewhere");
            if (leaves) {
                state = run.workflow().transition(name).orElseThrow().to();
            }
        }
        Statistics.label("attempt").coverage(c -> {
            c.check("follows").percentage(p -> p > 30);
            c.check("impossible").percentage(p -> p > 2);
        });
    }
}

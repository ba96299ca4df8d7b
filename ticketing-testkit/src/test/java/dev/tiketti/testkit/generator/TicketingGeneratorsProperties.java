package dev.tiketti.testkit.generator;

import static dev.tiketti.testkit.WorkflowTestKit.ticket;
import static dev.tiketti.testkit.generator.Gens.gen;
import static dev.tiketti.testkit.generator.Gens.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.ValidationException;
import dev.tiketti.core.inmemory.InMemoryTicketStore;
import dev.tiketti.core.ticket.FieldDefinition;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.testkit.GivenTicket;
import dev.tiketti.testkit.TicketScenario;
import dev.tiketti.testkit.WhenTransition;
import dev.tiketti.testkit.WorkflowTestKit;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The generators do what they promise: otherwise the workflow properties would prove little. */
@DisplayName("Generators")
class TicketingGeneratorsProperties {

    record Typed(WorkflowDefinition workflow, TicketType type, Map<String, Object> values) {
    }

    static Gen<Typed> typed() {
        return gen(r -> {
            WorkflowDefinition w = TicketingGenerators.workflow(r);
            TicketType t = TicketingGenerators.ticketType(r, w);
            return new Typed(w, t, TicketingGenerators.customFieldValues(r, t));
        });
    }

    record Invalid(FieldDefinition field, Object value) {
    }

    static Gen<Invalid> invalidValues() {
        return gen(r -> {
            FieldDefinition f = TicketingGenerators.fieldDefinition(r);
            return new Invalid(f, TicketingGenerators.invalidFieldValue(r, f));
        });
    }

    @Test
    @DisplayName("generated types are accepted with their workflow, and generated field values are accepted by them")
    void validValuesAccepted() {
        qt(60, 300).forAll(typed()).checkAssert(typed -> {
            GivenTicket given = ticket();
            for (Map.Entry<String, Object> e : typed.values().entrySet()) {
                given = given.field(e.getKey(), e.getValue());
            }
            TicketScenario scenario = WorkflowTestKit.of(typed.workflow()).type(typed.type()).given(given);
            assertThat(scenario.ticket().fields().values().keySet())
                    .containsExactlyInAnyOrderElementsOf(typed.values().keySet());
        });
    }

    @Test
    @DisplayName("generated invalid field values are refused")
    void invalidValuesRefused() {
        WorkflowDefinition workflow = simpleWorkflow();
        qt(60, 300).forAll(invalidValues()).checkAssert(invalid -> {
            TicketType type = new TicketType("generated", TeamId.of("testkit"), "GEN", "Generated",
                    workflow.id(), List.of(invalid.field()));
            assertThatThrownBy(() -> WorkflowTestKit.of(workflow).type(type)
                    .given(ticket().field(invalid.field().name(), invalid.value())))
                    .isInstanceOf(ValidationException.class).hasMessageContaining(invalid.field().name());
        });
    }

    private static WorkflowDefinition simpleWorkflow() {
        return WorkflowDefinition.builder("simple")
                .state("NEW", StateCategory.NEW)
                .state("CLOSED", StateCategory.CLOSED)
                .transition("close").from("NEW").to("CLOSED").build();
    }

    @Test
    @DisplayName("any generated ticket round-trips through the in-memory ticket store")
    void ticketsRoundTrip() {
        qt(100, 300).forAll(gen(TicketingGenerators::ticket)).checkAssert(ticket -> {
            InMemoryTicketStore store = new InMemoryTicketStore();
            store.create(ticket, List.of(), List.of());
            assertThat(store.find(ticket.id())).contains(ticket);
            assertThat(store.findByKey(ticket.key())).contains(ticket);
        });
    }

    record Attempts(WorkflowDefinition workflow, String start, List<WhenTransition> attempts) {
    }

    static Gen<Attempts> attempts() {
        return gen(r -> {
            WorkflowDefinition w = TicketingGenerators.workflow(r);
            TicketType t = TicketingGenerators.ticketType(r, w);
            String start = w.states().get(r.nextInt(w.states().size())).name();
            return new Attempts(w, start, TicketingGenerators.transitionAttempts(r, w, t, start, 10));
        });
    }

    @Test
    @DisplayName("attempts name declared transitions or the impossible one, and mostly follow the workflow from the "
            + "start state")
    void attemptsFollowTheWorkflow() {
        Map<String, Integer> seen = new TreeMap<>();
        qt(60, 300).forAll(attempts()).checkAssert(run -> {
            assertThat(run.attempts()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
            String state = run.start();
            for (WhenTransition attempt : run.attempts()) {
                String name = attempt.name();
                if (name.equals(TicketingGenerators.NO_SUCH_TRANSITION)) {
                    seen.merge("impossible", 1, Integer::sum);
                    continue;
                }
                assertThat(run.workflow().transition(name)).as("transition '%s' is declared", name).isPresent();
                boolean leaves = run.workflow().transition(name).orElseThrow().leaves(state);
                seen.merge(leaves ? "follows" : "elsewhere", 1, Integer::sum);
                if (leaves) {
                    state = run.workflow().transition(name).orElseThrow().to();
                }
            }
        });
        int all = seen.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(seen.getOrDefault("follows", 0)).as("attempts that follow the workflow, of %s", all)
                .isGreaterThan(all * 30 / 100);
        assertThat(seen.getOrDefault("impossible", 0)).as("impossible attempts, of %s", all)
                .isGreaterThan(all * 2 / 100);
    }

    @Test
    @DisplayName("a seed gives the same values, from a stream or from a random source of its own")
    void seedsReproduce() {
        List<WorkflowDefinition> first = TicketingGenerators.workflows(7L).limit(20).toList();
        assertThat(TicketingGenerators.workflows(7L).limit(20).toList()).isEqualTo(first);
        assertThat(TicketingGenerators.workflow(TicketingGenerators.random(7L, 13))).isEqualTo(first.get(13));
        assertThat(TicketingGenerators.workflows(8L).limit(20).toList()).isNotEqualTo(first);
        assertThat(TicketingGenerators.ticket(new SplittableRandom(3))).isEqualTo(
                TicketingGenerators.ticket(new SplittableRandom(3)));
    }
}

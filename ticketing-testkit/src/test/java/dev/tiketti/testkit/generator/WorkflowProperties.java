package dev.tiketti.testkit.generator;

import static dev.tiketti.testkit.WorkflowTestKit.ticket;
import static dev.tiketti.testkit.generator.Gens.gen;
import static dev.tiketti.testkit.generator.Gens.qt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.ticket.HistoryEntry;
import dev.tiketti.core.ticket.TicketType;
import dev.tiketti.core.workflow.StateDefinition;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.core.workflow.WorkflowJson;
import dev.tiketti.testkit.GivenTicket;
import dev.tiketti.testkit.TicketScenario;
import dev.tiketti.testkit.TransitionResult;
import dev.tiketti.testkit.WhenTransition;
import dev.tiketti.testkit.WorkflowTestKit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Issue #2 item 8: properties of the workflow engine, the validator and the JSON codec over
 * generated definitions and random sequences of transition attempts, run on the real engine
 * through {@link WorkflowTestKit}.
 */
@DisplayName("Workflow properties")
class WorkflowProperties {

    /** A generated workflow, a type for it, how the ticket starts, and what is attempted on it. */
    record Run(WorkflowDefinition workflow, TicketType type, GivenTicket given, List<WhenTransition> attempts) {
        TicketScenario start() {
            return WorkflowTestKit.of(workflow).type(type).given(given);
        }

        Set<String> states() {
            return workflow.states().stream().map(StateDefinition::name).collect(Collectors.toSet());
        }
    }

    static Gen<Run> runs() {
        return gen(r -> {
            WorkflowDefinition workflow = TicketingGenerators.workflow(r);
            TicketType type = TicketingGenerators.ticketType(r, workflow);
            String state = workflow.states().get(r.nextInt(workflow.states().size())).name();
            AssuranceLevel assurance = AssuranceLevel.values()[r.nextInt(AssuranceLevel.values().length)];
            Map<String, Object> fields = TicketingGenerators.customFieldValues(r, type);
            List<WhenTransition> attempts = TicketingGenerators.transitionAttempts(r, workflow, type, state, 12);
            GivenTicket given = ticket().inState(state).requesterIdentifiedAt(assurance);
            for (Map.Entry<String, Object> f : fields.entrySet()) {
                given = given.field(f.getKey(), f.getValue());
            }
            return new Run(workflow, type, given, attempts);
        });
    }

    static Gen<WorkflowDefinition> workflows() {
        return gen(TicketingGenerators::workflow);
    }

    static Gen<UnreachableStateCase> unreachable() {
        return gen(TicketingGenerators::workflowWithUnreachableState);
    }

    private static String outcome(TransitionResult r) {
        return r.failure().map(e -> e.code().name()).orElse("TAKEN");
    }

    @Test
    @DisplayName("(a) any sequence of attempted transitions leaves the ticket in a state of its definition")
    void alwaysInADeclaredState() {
        Map<String, Integer> outcomes = new TreeMap<>();
        qt(50, 300).forAll(runs()).checkAssert(run -> {
            TicketScenario scenario = run.start();
            for (WhenTransition attempt : run.attempts()) {
                TransitionResult result = scenario.when(attempt);
                outcomes.merge(outcome(result), 1, Integer::sum);
                assertThat(run.states()).as("states of the workflow").contains(result.ticket().state());
            }
        });
        // the generator must reach every outcome often enough for the property to mean something
        int all = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(outcomes.getOrDefault("TAKEN", 0)).as("taken, of %s: %s", all, outcomes).isGreaterThan(all / 10);
        assertThat(outcomes.getOrDefault("TRANSITION_DENIED", 0)).as("denied, of %s: %s", all, outcomes)
                .isGreaterThan(all * 2 / 100);
        assertThat(outcomes.getOrDefault("UNKNOWN_TRANSITION", 0)).as("unknown, of %s: %s", all, outcomes)
                .isGreaterThan(all * 5 / 100);
    }

    @Test
    @DisplayName("(b) a refused attempt changes nothing: state, fields, version, history, timeline, events")
    void refusalChangesNothing() {
        qt(50, 300).forAll(runs()).checkAssert(run -> {
            TicketScenario scenario = run.start();
            for (WhenTransition attempt : run.attempts()) {
                TransitionResult result = scenario.when(attempt);
                if (!result.succeeded()) {
                    TicketingException failure = result.failure().orElseThrow();
                    assertThat(failure.code()).isIn(ErrorCode.TRANSITION_DENIED, ErrorCode.UNKNOWN_TRANSITION,
                            ErrorCode.VALIDATION_FAILED);
                    result.thenTicketUnchanged();
                    assertThat(result.ticket().fields()).isEqualTo(result.before().fields());
                    assertThat(result.ticket().version()).isEqualTo(result.before().version());
                }
            }
        });
    }

    @Test
    @DisplayName("(c) history grows by exactly one entry per successful change, numbered by the new version")
    void oneHistoryEntryPerChange() {
        qt(50, 300).forAll(runs()).checkAssert(run -> {
            TicketScenario scenario = run.start();
            int expectedHistory = scenario.history().size();
            for (WhenTransition attempt : run.attempts()) {
                TransitionResult result = scenario.when(attempt);
                if (result.succeeded()) {
                    expectedHistory++;
                    assertThat(result.ticket().version()).isEqualTo(result.before().version() + 1);
                    assertThat(result.newHistory()).singleElement().satisfies(entry -> {
                        assertThat(entry.sequence()).isEqualTo(result.ticket().version());
                        assertThat(entry.transition()).contains(attempt.name());
                    });
                }
                List<HistoryEntry> history = scenario.history();
                assertThat(history).hasSize(expectedHistory);
                assertThat(history).extracting(HistoryEntry::sequence).isSorted().doesNotHaveDuplicates();
                assertThat(history.get(history.size() - 1).sequence()).isEqualTo(scenario.ticket().version());
            }
        });
    }

    @Test
    @DisplayName("(d) a JSON round trip of any generated definition is the identity")
    void jsonRoundTrip() {
        qt(100, 300).forAll(workflows(), unreachable()).checkAssert((definition, broken) -> {
            assertThat(WorkflowJson.read(WorkflowJson.write(definition))).isEqualTo(definition);
            WorkflowDefinition published = definition.withVersion(7);
            assertThat(WorkflowJson.read(WorkflowJson.write(published))).isEqualTo(published);
            // reading does not check the graph, so an invalid one round-trips as well
            assertThat(WorkflowJson.read(WorkflowJson.write(broken.definition()))).isEqualTo(broken.definition());
        });
    }

    @Test
    @DisplayName("(e1) the validator accepts every connected generated definition")
    void validatorAcceptsConnected() {
        qt(100, 300).forAll(workflows()).checkAssert(definition -> {
            assertThat(definition.problems()).isEmpty();
            assertThat(definition.validate()).isSameAs(definition);
        });
    }

    @Test
    @DisplayName("(e2) the validator rejects a definition with an unreachable state, naming that state and no other")
    void validatorNamesUnreachableState() {
        qt(100, 300).forAll(unreachable()).checkAssert(broken -> {
            List<String> problems = broken.definition().problems();
            assertThat(problems).anySatisfy(p -> assertThat(p)
                    .contains("state '" + broken.unreachableState() + "' is unreachable"));
            assertThat(problems.stream().filter(p -> p.contains("is unreachable")))
                    .allSatisfy(p -> assertThat(p).contains("'" + broken.unreachableState() + "'"));
        });
    }
}

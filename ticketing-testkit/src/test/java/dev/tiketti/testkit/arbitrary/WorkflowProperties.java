package dev.tiketti.testkit.arbitrary;

import static dev.tiketti.testkit.WorkflowTestKit.ticket;
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
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue #2 item 8: properties of the workflow engine, the validator and the JSON codec over
 * generated definitions and random sequences of transition attempts, run on the real engine
 * through {@link WorkflowTestKit}.
 */
@Label("Workflow properties")
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

    @Provide
    Arbitrary<Run> runs() {
        return TicketingArbitraries.workflows().flatMap(workflow -> TicketingArbitraries.ticketTypes(workflow)
                .flatMap(type -> Arbitraries.of(workflow.states()).map(StateDefinition::name)
                        .flatMap(state -> Combinators.combine(
                                Arbitraries.of(AssuranceLevel.class),
                                TicketingArbitraries.customFieldValues(type),
                                TicketingArbitraries.transitionAttempts(workflow, type, state, 12))
                        .as((assurance, fields, attempts) -> {
                            GivenTicket given = ticket().inState(state).requesterIdentifiedAt(assurance);
                            for (Map.Entry<String, Object> f : fields.entrySet()) {
                                given = given.field(f.getKey(), f.getValue());
                            }
                            return new Run(workflow, type, given, attempts);
                        }))));
    }

    @Provide
    Arbitrary<WorkflowDefinition> workflows() {
        return TicketingArbitraries.workflows();
    }

    @Provide
    Arbitrary<UnreachableStateCase> unreachable() {
        return TicketingArbitraries.workflowsWithUnreachableState();
    }

    private static String outcome(TransitionResult r) {
        return r.failure().map(e -> e.code().name()).orElse("TAKEN");
    }

    @Property(tries = 50)
    @Label("(a) any sequence of attempted transitions leaves the ticket in a state of its definition")
    void alwaysInADeclaredState(@ForAll("runs") Run run) {
        TicketScenario scenario = run.start();
        for (WhenTransition attempt : run.attempts()) {
            TransitionResult result = scenario.when(attempt);
            Statistics.label("outcome").collect(outcome(result));
            assertThat(run.states()).as("states of the workflow").contains(result.ticket().state());
        }
        Statistics.label("outcome").coverage(c -> {
            c.check("TAKEN").percentage(p -> p > 10);
            c.check("TRANSITION_DENIED").percentage(p -> p > 2);
            c.check("UNKNOWN_TRANSITION").percentage(p -> p > 5);
        });
    }

    @Property(tries = 50)
    @Label("(b) a refused attempt changes nothing: state, fields, version, history, timeline, events")
    void refusalChangesNothing(@ForAll("runs") Run run) {
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
    }

    @Property(tries = 50)
    @Label("(c) history grows by exactly one entry per successful change, numbered by the new version")
    void oneHistoryEntryPerChange(@ForAll("runs") Run run) {
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
    }

    @Property(tries = 100)
    @Label("(d) a JSON round trip of any generated definition is the identity")
    void jsonRoundTrip(@ForAll("workflows") WorkflowDefinition definition, @ForAll("unreachable") UnreachableStateCase broken) {
        assertThat(WorkflowJson.read(WorkflowJson.write(definition))).isEqualTo(definition);
        WorkflowDefinition published = definition.withVersion(7);
        assertThat(WorkflowJson.read(WorkflowJson.write(published))).isEqualTo(published);
        // reading does not check the graph, so an invalid one round-trips as well
        assertThat(WorkflowJson.read(WorkflowJson.write(broken.definition()))).isEqualTo(broken.definition());
    }

    @Property(tries = 100)
    @Label("(e1) the validator accepts every connected generated definition")
    void validatorAcceptsConnected(@ForAll("workflows") WorkflowDefinition definition) {
        assertThat(definition.problems()).isEmpty();
        assertThat(definition.validate()).isSameAs(definition);
    }

    @Property(tries = 100)
    @Label("(e2) the validator rejects a definition with an unreachable state, naming that state and no other")
    void validatorNamesUnreachableState(@ForAll("unreachable") UnreachableStateCase broken) {
        List<String> problems = broken.definition().problems();
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("state '" + broken.unreachableState() + "' is unreachable"));
        assertThat(problems.stream().filter(p -> p.contains("is unreachable")))
                .allSatisfy(p -> assertThat(p).contains("'" + broken.unreachableState() + "'"));
        Statistics.label("problems").collect(problems.size());
    }
}

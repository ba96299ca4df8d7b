package dev.tiketti.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.ticket.StateCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Structural checks of workflow definitions; each message names the culprit. */
class WorkflowValidatorTest {

    static WorkflowDefinition.Builder base() {
        return WorkflowDefinition.builder("hr")
                .state("NEW", StateCategory.NEW)
                .state("OPEN", StateCategory.OPEN)
                .state("CLOSED", StateCategory.CLOSED);
    }

    static WorkflowDefinition.TransitionBuilder valid() {
        return base().transition("start").from("NEW").to("OPEN")
                .transition("close").from("OPEN").to("CLOSED");
    }

    @Test
    void aSoundWorkflowHasNoProblemsAndValidatesToItself() {
        WorkflowDefinition d = valid().build();
        assertThat(d.problems()).isEmpty();
        assertThat(d.validate()).isSameAs(d);
        assertThat(d.version()).isZero();
        assertThat(d.initialState()).isEqualTo("NEW");
    }

    @Test
    void anExplicitInitialStateIsUsed() {
        WorkflowDefinition d = valid().build();
        WorkflowDefinition fromOpen = new WorkflowDefinition("hr", 0, "OPEN", d.states(), d.transitions());
        assertThat(fromOpen.problems()).singleElement().asString()
                .contains("state 'NEW' is unreachable from initial state 'OPEN'");
        assertThat(base().initial("OPEN").transition("close").from("OPEN").to("CLOSED").build().initialState())
                .isEqualTo("OPEN");
    }

    @Test
    void anUnreachableStateIsNamedWithTheFix() {
        WorkflowDefinition d = valid().state("ARCHIVED", StateCategory.CLOSED).build();
        assertThat(d.problems()).containsExactly("state 'ARCHIVED' is unreachable from initial state 'NEW': "
                + "add a transition into it or remove it");
    }

    @Test
    void aNonClosedStateWithoutAWayOutIsNamed() {
        WorkflowDefinition d = valid().state("WAITING", StateCategory.WAITING)
                .transition("wait").from("OPEN").to("WAITING").build();
        assertThat(d.problems()).singleElement().asString()
                .contains("state 'WAITING' (WAITING) has no transition out", "CLOSED-category");
    }

    @Test
    void aSelfLoopIsNoWayOut() {
        WorkflowDefinition d = valid().state("WAITING", StateCategory.WAITING)
                .transition("wait").from("OPEN").to("WAITING")
                .transition("nudge").from("WAITING").to("WAITING").build();
        assertThat(d.problems()).singleElement().asString().contains("state 'WAITING'", "no transition out");
    }

    @Test
    void aTrapCycleThatCannotReachClosedIsNamed() {
        WorkflowDefinition d = valid().state("A", StateCategory.OPEN).state("B", StateCategory.WAITING)
                .transition("toA").from("OPEN").to("A")
                .transition("toB").from("A").to("B")
                .transition("backToA").from("B").to("A").build();
        assertThat(d.problems()).hasSize(2).allSatisfy(p -> assertThat(p).contains("cannot reach any CLOSED"));
        assertThat(d.problems().get(0)).contains("state 'A'");
        assertThat(d.problems().get(1)).contains("state 'B'");
    }

    @Test
    void aWorkflowWithoutAClosedStateIsRefused() {
        WorkflowDefinition d = WorkflowDefinition.builder("hr").state("NEW", StateCategory.NEW)
                .state("OPEN", StateCategory.OPEN)
                .transition("start").from("NEW").to("OPEN")
                .transition("back").from("OPEN").to("NEW").build();
        assertThat(d.problems()).singleElement().asString().contains("no CLOSED-category state");
    }

    @Test
    void aWorkflowWithoutStatesIsRefused() {
        assertThat(WorkflowDefinition.builder("hr").build().problems()).singleElement().asString()
                .contains("no states");
    }

    @Test
    void danglingDuplicateAndInvalidNamesAreAllReportedWithTheOffendingName() {
        WorkflowDefinition d = WorkflowDefinition.builder("bad id!")
                .state("NEW", StateCategory.NEW)
                .state("NEW", StateCategory.OPEN)
                .state("9LIVES", StateCategory.OPEN)
                .state("CLOSED", StateCategory.CLOSED)
                .initial("START")
                .transition("close").from("NEW").to("CLOSED")
                .transition("close").from("NEW").to("CLOSED")
                .transition("go away").from("GHOST").to("NOWHERE")
                .transition("twice").from("NEW", "NEW").to("CLOSED")
                .transition("fromNothing").to("CLOSED")
                .build();

        List<String> problems = d.problems();

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("workflow id 'bad id!' is invalid"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("state 'NEW' is declared more than once"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("state name '9LIVES' is invalid"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("initial state 'START' is not declared"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("transition 'close' is declared more than once"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("transition name 'go away' is invalid"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'go away' leaves undeclared state 'GHOST'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'go away' goes to undeclared state 'NOWHERE'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'twice' lists a from-state twice"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'fromNothing' has no from-state"));
        assertThat(problems).hasSize(10);

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, d::validate);
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_WORKFLOW);
        assertThat(e.problems()).isEqualTo(problems);
        assertThat(e.getMessage()).startsWith("[TKT-0501]").contains("'bad id!'", "GHOST", "NOWHERE");
    }

    /** Every chain length from 1 to 12 with every one of its links cut: 78 cases. */
    static Stream<Arguments> chainsAndCuts() {
        return IntStream.rangeClosed(1, 12).boxed()
                .flatMap(length -> IntStream.range(0, length).mapToObj(cut -> Arguments.of(length, cut)));
    }

    /** A chain S0 -> S1 -> ... -> Sn (CLOSED) is sound; removing any one of its links breaks it. */
    @ParameterizedTest(name = "length {0}, link {1} cut")
    @MethodSource("chainsAndCuts")
    void everyLinkOfAChainIsNeeded(int length, int cut) {
        List<StateDefinition> states = new ArrayList<>();
        List<TransitionDefinition> transitions = new ArrayList<>();
        for (int i = 0; i <= length; i++) {
            states.add(new StateDefinition("S" + i, i == length ? StateCategory.CLOSED : StateCategory.OPEN));
            if (i < length) {
                transitions.add(new TransitionDefinition("t" + i, List.of("S" + i), "S" + (i + 1), List.of(), List.of()));
            }
        }
        assertThat(new WorkflowDefinition("chain", 0, "S0", states, transitions).problems()).isEmpty();

        List<TransitionDefinition> broken = new ArrayList<>(transitions);
        broken.remove(cut);
        List<String> problems = new WorkflowDefinition("chain", 0, "S0", states, broken).problems();
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("state 'S" + (cut + 1) + "' is unreachable"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("state 'S" + cut + "'", "no transition out"));
    }

    @Test
    void definitionsLookUpStatesAndTransitions() {
        WorkflowDefinition d = valid().transition("reopen").from("CLOSED", "OPEN").to("NEW").build();
        assertThat(d.state("OPEN")).contains(new StateDefinition("OPEN", StateCategory.OPEN));
        assertThat(d.state("MISSING")).isEmpty();
        assertThat(d.transition("close")).hasValueSatisfying(t -> assertThat(t.to()).isEqualTo("CLOSED"));
        assertThat(d.transitionsFrom("OPEN")).extracting(TransitionDefinition::name).containsExactly("close", "reopen");
        assertThat(d.withVersion(3).version()).isEqualTo(3);
        assertThat(d.withVersion(3).withVersion(0)).isEqualTo(d);
    }
}

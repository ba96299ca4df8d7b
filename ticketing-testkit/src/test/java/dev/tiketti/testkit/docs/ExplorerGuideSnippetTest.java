package dev.tiketti.testkit.docs;

import static dev.tiketti.testkit.WorkflowTestKit.agent;

import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.workflow.Effect;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.testkit.explore.Check;
import dev.tiketti.testkit.explore.Scenario;
import dev.tiketti.testkit.explore.WorkflowExplorer;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The workflow explorer snippets of docs/testing.md, run here and kept equal to the guide. */
class ExplorerGuideSnippetTest {
    private static final String SOURCE = "src/test/java/dev/tiketti/testkit/docs/ExplorerGuideSnippetTest.java";

    /** A host's leave workflow: start (hr), ask and reply, resolve, close; approve (hr-lead), pay. */
    static WorkflowDefinition leaveWorkflow() {
        return WorkflowDefinition.builder("hr-leave")
                .state("NEW", StateCategory.NEW).state("OPEN", StateCategory.OPEN)
                .state("WAITING", StateCategory.WAITING).state("RESOLVED", StateCategory.RESOLVED)
                .state("APPROVED", StateCategory.OPEN).state("CLOSED", StateCategory.CLOSED)
                .state("PAID", StateCategory.CLOSED)
                .transition("start").from("NEW").to("OPEN").requires(Guard.actorHasRole("hr"))
                    .then(Effect.assignToActor())
                .transition("ask").from("OPEN").to("WAITING")
                .transition("replied").from("WAITING").to("OPEN")
                .transition("resolve").from("OPEN").to("RESOLVED")
                    .requires(Guard.resolutionRequired(), Guard.assigneeRequired())
                .transition("close").from("RESOLVED").to("CLOSED")
                .transition("approve").from("OPEN").to("APPROVED")
                    .requires(Guard.actorHasRole("hr-lead"), Guard.fieldRequired("decision"))
                .transition("pay").from("APPROVED").to("PAID")
                .build();
    }

    // tag::explorer[]
    @Test
    void theLeaveWorkflowIsSound() {
        WorkflowExplorer.of(leaveWorkflow())
                .actors(agent("maija").withRoles("hr"), agent("hanna").withRoles("hr", "hr-lead"))
                .check(Check.noPathReaches("PAID").withoutTransition("approve"),
                        Check.invariant("a RESOLVED ticket has a resolution",
                                s -> !s.after().state().equals("RESOLVED") || s.after().resolved()))
                .verify();
    }
    // end::explorer[]

    // tag::walks[]
    static Stream<Scenario> walks() {
        return WorkflowExplorer.of(leaveWorkflow()).randomScenarios(42L).limit(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("walks")
    void theLeaveWorkflowKeepsItsInvariantsOnRandomWalks(Scenario walk) {
        walk.run();
    }
    // end::walks[]

    @Test
    void guideShowsTheExplorerAsTested() throws IOException {
        GuideSnippet.assertShown("../docs/testing.md", "testing-snippet:explorer", "explorer", SOURCE);
        GuideSnippet.assertShown("../docs/testing.md", "testing-snippet:walks", "walks", SOURCE);
    }
}

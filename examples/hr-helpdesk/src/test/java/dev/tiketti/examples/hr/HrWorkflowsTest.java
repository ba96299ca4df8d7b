package dev.tiketti.examples.hr;

import static dev.tiketti.testkit.WorkflowTestKit.agent;

import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.workflow.Guard;
import dev.tiketti.testkit.explore.Check;
import dev.tiketti.testkit.explore.WorkflowExplorer;
import org.junit.jupiter.api.Test;

/**
 * The HR team checks its own two processes the way a host should: the testkit's explorer runs
 * every sequence of moves on the real engine and reports a shortest counterexample of each rule.
 */
class HrWorkflowsTest {

    @Test
    void theGeneralProcessIsSound() {
        WorkflowExplorer.of(HrSetup.generalWorkflow())
                .actors(agent("maija").withRoles("hr"), agent("ville"))
                .check(Check.noPathReaches("OPEN").withoutGuard(Guard.actorHasRole("hr")))
                .verify();
    }

    @Test
    void personalMattersAreOnlyTakenUpForAnIdentifiedRequester() {
        WorkflowExplorer.of(HrSetup.personalWorkflow())
                .actors(agent("maija").withRoles("hr"), agent("ville"))
                .check(Check.noPathReaches("OPEN").withoutGuard(Guard.requesterAssurance(AssuranceLevel.SUBSTANTIAL)))
                .verify();
    }
}

package dev.tiketti.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.workflow.WorkflowDefinition;
import dev.tiketti.core.workflow.WorkflowJson;
import dev.tiketti.testkit.generator.TicketingGenerators;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The snippets of docs/testing.md, run here and kept equal to the guide. */
class TestingGuideSnippetTest {
    private static final String SOURCE = "src/test/java/dev/tiketti/testkit/docs/TestingGuideSnippetTest.java";

    // tag::generators[]
    static Stream<WorkflowDefinition> workflows() {
        return TicketingGenerators.workflows(42L).limit(200); // workflow n: random(42L, n - 1)
    }

    @ParameterizedTest(name = "workflow {index} of seed 42")
    @MethodSource("workflows")
    void everyGeneratedWorkflowSurvivesAJsonRoundTrip(WorkflowDefinition workflow) {
        assertThat(WorkflowJson.read(WorkflowJson.write(workflow))).isEqualTo(workflow);
    }
    // end::generators[]

    @Test
    void guideShowsTheGeneratorsAsTested() throws IOException {
        GuideSnippet.assertShown("../docs/testing.md", "testing-snippet:generators", "generators", SOURCE);
    }
}

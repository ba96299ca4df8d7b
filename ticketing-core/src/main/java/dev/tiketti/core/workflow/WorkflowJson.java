package dev.tiketti.core.workflow;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.Require;

/**
 * Reads and writes {@link WorkflowDefinition}s as JSON, so a team lead can change the handling
 * process at run time (R5). Reading is strict: unknown properties, unknown guard or effect types
 * and wrong value types are all reported at once, each with its JSON path. Reading does not
 * check the graph; {@code Ticketing.publishWorkflow} does. Needs {@code jackson-databind} on the
 * class path (an optional dependency of core).
 *
 * <p>The format is documented in {@code docs/workflows.md}.
 *
 * @since 0.1
 */
public final class WorkflowJson {
    private WorkflowJson() {
    }

    /** Parses a definition; a malformed document fails with {@link ErrorCode#MALFORMED_DEFINITION}. */
    public static WorkflowDefinition read(String json) {
        Require.nonNull(json, "json");
        return codec().read(json);
    }

    /** Writes a definition as pretty-printed JSON that {@link #read} turns back into an equal definition. */
    public static String write(WorkflowDefinition definition) {
        Require.nonNull(definition, "definition");
        return codec().write(definition);
    }

    private static JsonWorkflowCodec codec() {
        try {
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, WorkflowJson.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw WorkflowMessages.jacksonMissing();
        }
        return JsonWorkflowCodec.INSTANCE;
    }
}

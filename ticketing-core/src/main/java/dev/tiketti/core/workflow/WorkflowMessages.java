package dev.tiketti.core.workflow;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.util.List;

/**
 * The messages of workflow definitions, their effects and their JSON form. Each method names the
 * value, the problem and the fix. Package-private: not API.
 */
final class WorkflowMessages {
    private WorkflowMessages() {
    }

    static TicketingException assignTargetMismatch(Effect.Assign.Target target) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "An assign effect names an agent "
                + "exactly when its target is AGENT (target was " + target + "): use Effect.assignTo(agent), "
                + "Effect.assignToActor() or Effect.unassign().");
    }

    static TicketingException negativeVersion(String workflowId, int version) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "A workflow version is 0 (draft) or a published "
                + "version from 1, was " + version + " for workflow '" + workflowId + "'. Build drafts with "
                + "WorkflowDefinition.builder(...); publishing numbers the versions.");
    }

    static ConfigurationException invalid(String workflowId, List<String> problems) {
        return new ConfigurationException(ErrorCode.INVALID_WORKFLOW,
                "Workflow '" + workflowId + "' is invalid; fix these and publish it again", problems);
    }

    static ConfigurationException jacksonMissing() {
        return new ConfigurationException(ErrorCode.MISSING_DEPENDENCY,
                "Workflow JSON needs jackson-databind on the class path. Add the dependency "
                        + "com.fasterxml.jackson.core:jackson-databind (2.x) to your application", List.of());
    }

    /** {@code line} and {@code column} are 0 when the parser knows no location. */
    static ConfigurationException notJson(boolean located, int line, int column, String parserMessage) {
        return new ConfigurationException(ErrorCode.MALFORMED_DEFINITION, "The workflow definition is not valid JSON"
                + (located ? " (line " + line + ", column " + column + ")" : "") + ": "
                + parserMessage + ". Fix the syntax and load it again", List.of());
    }

    static ConfigurationException unreadable(List<String> problems) {
        return new ConfigurationException(ErrorCode.MALFORMED_DEFINITION,
                "The workflow definition could not be read; nothing was loaded", problems);
    }
}

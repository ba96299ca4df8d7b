package dev.tiketti.core.workflow;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.ticket.StateCategory;
import java.util.Collection;
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

    // The structural problems of a definition (WorkflowValidator), one sentence each

    static String workflowIdInvalid(String id) {
        return "workflow id '" + id + "' is invalid: use letters, digits, '_', '.' or '-', starting with a letter";
    }

    static String noStates() {
        return "the workflow has no states: declare at least one state and a CLOSED-category state";
    }

    static String stateNameInvalid(String state) {
        return "state name '" + state + "' is invalid: use letters, digits, '_', '.' or '-', starting with a letter";
    }

    static String stateTwice(String state) {
        return "state '" + state + "' is declared more than once: rename or remove the duplicate";
    }

    static String initialStateUndeclared(String initial, Collection<String> states) {
        return "initial state '" + initial + "' is not declared: declare it or pick one of " + states;
    }

    static String transitionNameInvalid(String transition) {
        return "transition name '" + transition + "' is invalid: use letters, digits, '_', '.' or '-', starting with a letter";
    }

    static String transitionTwice(String transition) {
        return "transition '" + transition + "' is declared more than once: transition names must be unique";
    }

    static String noFromState(String transition) {
        return "transition '" + transition + "' has no from-state: say which states it leaves";
    }

    static String fromStateTwice(String transition) {
        return "transition '" + transition + "' lists a from-state twice: list each once";
    }

    static String leavesUndeclaredState(String transition, String state) {
        return "transition '" + transition + "' leaves undeclared state '" + state + "': declare it or correct the name";
    }

    static String entersUndeclaredState(String transition, String state) {
        return "transition '" + transition + "' goes to undeclared state '" + state + "': declare it or correct the name";
    }

    static String unreachable(String state, String initial) {
        return "state '" + state + "' is unreachable from initial state '" + initial
                + "': add a transition into it or remove it";
    }

    static String noClosedState() {
        return "the workflow has no CLOSED-category state: tickets could never be finished; add one";
    }

    static String stuck(String state, StateCategory category) {
        return "state '" + state + "' (" + category + ") has no transition out, so its tickets "
                + "would be stuck: add a transition from it or make it a CLOSED-category state";
    }

    static String cannotFinish(String state, Collection<String> closed) {
        return "state '" + state + "' cannot reach any CLOSED-category state " + closed
                + ": add a path from it towards closing";
    }

    // Guard refusals: shown to the person who tried, so they say what to do

    static String resolutionRequired() {
        return "a resolution is required: describe how the matter was solved and try again";
    }

    static String fieldRequired(String field) {
        return "field '" + field + "' must be filled in first";
    }

    static String roleRequired(String role, Actor actor) {
        return "only someone with role '" + role + "' may do this; " + actor
                + " does not have it (ask a colleague who has, or have the role granted)";
    }

    static String assuranceRequired(AssuranceLevel level, AssuranceLevel now) {
        return "the requester must be identified at level " + level + " (now " + now + "): verify their identity first";
    }

    static String assigneeRequired() {
        return "the ticket has no handler: assign it to someone first";
    }

    // Located problems of a JSON definition ({@code path} is a JSON path such as $.states[2])

    static String jsonRootNotObject() {
        return "$: expected an object with id, version, initial, states and transitions";
    }

    static String jsonNegativeVersion(int version) {
        return "$.version: must be 0 (draft) or a positive published version, was " + version;
    }

    static String jsonStateNameNotText(String path, String found) {
        return path + ": expected a state name (text), found " + found;
    }

    static String jsonUnknownGuard(String path, String type, Collection<String> known) {
        return path + ".type: unknown guard type '" + type + "'; known types: " + known;
    }

    static String jsonAgentWithoutAgentTarget(String path) {
        return path + ".agent: only allowed when target is AGENT";
    }

    static String jsonUnknownEffect(String path, String type, Collection<String> known) {
        return path + ".type: unknown effect type '" + type + "'; known types: " + known;
    }

    static String jsonNotWholeNumber(String path, String found) {
        return path + ": expected a whole number, found " + found;
    }

    static String jsonNotOneOf(String path, String field, String value, List<?> allowed) {
        return path + "." + field + ": '" + value + "' is not one of " + allowed;
    }

    static String jsonNotArray(String path, String field, boolean missing) {
        return path + "." + field + ": " + (missing ? "missing; expected an array" : "expected an array");
    }
}

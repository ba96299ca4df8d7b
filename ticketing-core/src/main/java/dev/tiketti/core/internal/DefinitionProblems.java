package dev.tiketti.core.internal;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.ticket.FieldKind;
import java.util.List;
import java.util.Set;

/**
 * The problems of publishing workflows and defining ticket types. The {@code String} methods are
 * single problems that one {@link ConfigurationException} lists. Not API.
 */
public final class DefinitionProblems {
    private DefinitionProblems() {
    }

    public static ConfigurationException workflowDoesNotFitTypes(String workflowId, List<String> problems) {
        return new ConfigurationException(ErrorCode.INVALID_WORKFLOW, "Workflow '" + workflowId
                + "' does not fit the ticket types that use it", problems);
    }

    public static ConfigurationException invalidType(String typeId, List<String> problems) {
        return new ConfigurationException(ErrorCode.INVALID_TICKET_TYPE, "Ticket type '" + typeId + "' is invalid",
                problems);
    }

    public static String fieldTwice(String field) {
        return "field '" + field + "' is declared more than once";
    }

    public static String constraintOnWrongKind(String field, FieldKind kind, String constraint, Set<FieldKind> appliesTo) {
        return "field '" + field + "' is " + kind + " but has a " + constraint + " constraint, which applies to "
                + appliesTo;
    }

    public static String enumWithoutValues(String field) {
        return "field '" + field + "' is ENUM but lists no allowed values: use FieldDefinition.choice(...)";
    }

    public static String workflowNotPublished(String workflowId) {
        return "workflow '" + workflowId + "' is not published: publish it before defining the type";
    }

    public static String guardOnUndeclaredField(String transition, String field, String typeId) {
        return "transition '" + transition + "' requires field '" + field + "', which type '" + typeId
                + "' does not declare";
    }

    public static String effectOnUndeclaredField(String transition, String field, String typeId) {
        return "transition '" + transition + "' sets field '" + field + "', which type '" + typeId
                + "' does not declare";
    }

    /** {@code violation} is a field rule's own message, e.g. "must be a number". */
    public static String effectValueViolates(String transition, String field, String violation) {
        return "transition '" + transition + "' sets field '" + field + "' to a value that " + violation;
    }
}

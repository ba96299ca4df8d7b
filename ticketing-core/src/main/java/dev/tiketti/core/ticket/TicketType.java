package dev.tiketti.core.ticket;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TeamId;
import java.util.List;
import java.util.Optional;

/**
 * A kind of matter a team handles (e.g. {@code annual-leave}), with the custom fields it
 * carries and the workflow its tickets follow. Teams define their own (R5).
 *
 * @param id           unique machine name, e.g. {@code salary-certificate}
 * @param team         the owning team
 * @param keyPrefix    prefix of the human keys of this type's tickets, e.g. {@code HR}
 * @param displayName  what people see
 * @param workflowId   id of the {@link dev.tiketti.core.workflow.WorkflowDefinition} to follow
 * @param fields       declared custom fields, in display order
 * @since 0.1
 */
public record TicketType(String id, TeamId team, String keyPrefix, String displayName, String workflowId,
                         List<FieldDefinition> fields) {
    public TicketType {
        Require.name(id, "ticket type id");
        Require.nonNull(team, "team");
        new dev.tiketti.core.common.TicketKey(Require.notBlank(keyPrefix, "key prefix"), 1); // validates the prefix
        Require.notBlank(displayName, "display name");
        Require.name(workflowId, "workflow id");
        fields = Require.listOf(fields, "fields");
    }

    public Optional<FieldDefinition> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}

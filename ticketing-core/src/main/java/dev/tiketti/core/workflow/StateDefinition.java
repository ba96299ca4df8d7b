package dev.tiketti.core.workflow;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.ticket.StateCategory;

/**
 * A named state of a workflow and its {@link StateCategory}.
 *
 * @since 0.1
 */
public record StateDefinition(String name, StateCategory category) {
    public StateDefinition {
        Require.nonNull(name, "state name");
        Require.nonNull(category, "state category");
    }
}

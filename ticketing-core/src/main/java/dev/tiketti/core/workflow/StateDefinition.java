package dev.tiketti.core.workflow;

import java.util.Objects;

/**
 * A named state of a workflow and its {@link StateCategory}.
 *
 * @since 0.1
 */
public record StateDefinition(String name, StateCategory category) {
    public StateDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
    }
}

package dev.tiketti.testkit.generator;

import dev.tiketti.core.workflow.WorkflowDefinition;
import java.util.Objects;

/**
 * A workflow definition that is valid except for one injected state nothing leads into, and the
 * name of that state: what a validator must reject, naming the state.
 *
 * @param definition       the broken definition
 * @param unreachableState the injected state
 * @since 0.1
 */
public record UnreachableStateCase(WorkflowDefinition definition, String unreachableState) {
    public UnreachableStateCase {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(unreachableState, "unreachableState");
    }
}

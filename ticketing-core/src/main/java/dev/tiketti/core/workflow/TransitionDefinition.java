package dev.tiketti.core.workflow;

import dev.tiketti.core.common.Require;
import java.util.List;

/**
 * A named move from any of {@code from} to {@code to}, allowed when every guard agrees, doing
 * its effects in order.
 *
 * @since 0.1
 */
public record TransitionDefinition(String name, List<String> from, String to, List<Guard> guards,
                                   List<Effect> effects) {
    public TransitionDefinition {
        Require.nonNull(name, "transition name");
        from = Require.listOf(from, "from");
        Require.nonNull(to, "to-state");
        guards = Require.listOf(guards, "guards");
        effects = Require.listOf(effects, "effects");
    }

    public boolean leaves(String state) {
        return from.contains(state);
    }
}

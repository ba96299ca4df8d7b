package dev.tiketti.core.workflow;

import java.util.List;
import java.util.Objects;

/**
 * A named move from any of {@code from} to {@code to}, allowed when every guard agrees, doing
 * its effects in order.
 *
 * @since 0.1
 */
public record TransitionDefinition(String name, List<String> from, String to, List<Guard> guards,
                                   List<Effect> effects) {
    public TransitionDefinition {
        Objects.requireNonNull(name, "name");
        from = List.copyOf(Objects.requireNonNull(from, "from"));
        Objects.requireNonNull(to, "to");
        guards = List.copyOf(Objects.requireNonNull(guards, "guards"));
        effects = List.copyOf(Objects.requireNonNull(effects, "effects"));
    }

    public boolean leaves(String state) {
        return from.contains(state);
    }
}

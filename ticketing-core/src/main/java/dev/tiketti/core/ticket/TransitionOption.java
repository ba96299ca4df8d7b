package dev.tiketti.core.ticket;

import java.util.List;

/**
 * A transition offered from a ticket's current state and whether the given actor may take it
 * now; {@code reasons} says why not. Lets a UI show enabled and disabled actions.
 *
 * @since 0.1
 */
public record TransitionOption(String name, String to, boolean allowed, List<String> reasons) {
    public TransitionOption {
        reasons = dev.tiketti.core.common.Require.listOf(reasons, "reasons");
    }
}

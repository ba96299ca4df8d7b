package dev.tiketti.core.sla;

import dev.tiketti.core.common.Require;
import java.util.List;

/**
 * A warning before an SLA target is breached: when {@code percent} of the target's business
 * time has been used, the warning fires (an event) and its escalation effects apply.
 *
 * @param percent share of the target used, strictly between 0 and 100
 * @param effects escalation effects at this warning; may be empty (the event alone)
 * @since 0.1
 */
public record WarningThreshold(int percent, List<Escalation> effects) {
    /** Checks the percentage and copies the effects. */
    public WarningThreshold {
        Require.nonNull(effects, "effects");
        effects.forEach(e -> Require.nonNull(e, "effect"));
        effects = List.copyOf(effects);
        String problem = problem(percent);
        if (problem != null) {
            throw SlaProblems.policy("Invalid warning threshold", problem);
        }
    }

    static String problem(int percent) {
        return percent > 0 && percent < 100 ? null : "Warning threshold " + percent
                + " % is outside (0, 100): warn before the breach, e.g. at 75 or 90; the breach itself has its own effects.";
    }
}

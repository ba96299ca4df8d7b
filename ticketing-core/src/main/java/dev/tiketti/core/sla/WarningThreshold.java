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
        SlaMessages.thresholdProblem(percent).ifPresent(problem -> {
            throw SlaMessages.threshold(problem);
        });
    }
}

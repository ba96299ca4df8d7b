package dev.tiketti.testkit.explore;

import dev.tiketti.core.privacy.AssuranceLevel;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What an exploration knows of a ticket: its state and the facts guards look at. Two tickets
 * with equal facts behave alike under every guard, so the explorer visits each once.
 *
 * @param state              the workflow state
 * @param requesterAssurance how well the requester is identified (fixed for a ticket's life)
 * @param assigned           whether someone handles the ticket
 * @param resolved           whether the ticket carries a resolution
 * @param filledIn           the fields guards ask for that have a value
 * @since 0.1
 */
public record Facts(String state, AssuranceLevel requesterAssurance, boolean assigned, boolean resolved,
                    SortedSet<String> filledIn) {
    public Facts {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requesterAssurance, "requesterAssurance");
        filledIn = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(filledIn, "filledIn")));
    }

    /** A ticket just opened in {@code state}: nobody assigned, no resolution, no guarded field filled in. */
    public static Facts opened(String state, AssuranceLevel requesterAssurance) {
        return new Facts(state, requesterAssurance, false, false, new TreeSet<>());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(state).append(" (requester ").append(requesterAssurance);
        if (assigned) {
            s.append(", assigned");
        }
        if (resolved) {
            s.append(", resolution");
        }
        if (!filledIn.isEmpty()) {
            s.append(", filled in ").append(filledIn);
        }
        return s.append(')').toString();
    }
}

package dev.tiketti.testkit.explore;

import java.util.List;
import java.util.Objects;

/**
 * One thing an exploration does to a ticket: attempt a transition, or assign the ticket (what a
 * handler may do between transitions, and the only way besides effects to satisfy an
 * {@code assigneeRequired} guard). Resolutions and fields that guards ask for are typed in with
 * the attempt.
 *
 * @since 0.1
 */
public sealed interface Move {

    /**
     * An attempt of {@code transition} by {@code who}, giving a resolution and field values with
     * the request if asked.
     *
     * @param transition     the transition's name
     * @param who            who attempts it
     * @param withResolution whether a resolution is typed in with the request
     * @param withFields     the fields given a value with the request
     */
    record Attempt(String transition, Who who, boolean withResolution, List<String> withFields) implements Move {
        public Attempt {
            Objects.requireNonNull(transition, "transition");
            Objects.requireNonNull(who, "who");
            withFields = List.copyOf(withFields);
        }

        @Override
        public String toString() {
            String inputs = withResolution ? ", with a resolution" : "";
            if (!withFields.isEmpty()) {
                inputs += (withResolution ? " and " : ", with ") + String.join(", ", withFields);
            }
            return "'" + transition + "' by " + who + inputs;
        }
    }

    /** A handler assigns the ticket (to someone; who does not matter to guards). */
    record Assign() implements Move {
        @Override
        public String toString() {
            return "assign the ticket";
        }
    }
}

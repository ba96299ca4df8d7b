package dev.tiketti.testkit.explore;

import dev.tiketti.core.ticket.Ticket;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One move of an exploration and what the real engine made of it: the facts and the stored
 * ticket before and after, the number of history entries before and after, and for a refusal
 * its reasons. Host invariants ({@link Check#invariant}) look at steps.
 *
 * @param number        the step's position on its path, from 1
 * @param move          what was done
 * @param before        the facts before
 * @param after         the facts after
 * @param outcome       whether it was taken, refused by guards, or failed otherwise
 * @param reasons       a refusal's reasons, one per refusing guard; a failure's message; else empty
 * @param errorCode     the name of the failure's {@code ErrorCode}, if it failed or was refused
 * @param ticketBefore  the ticket as stored before
 * @param ticketAfter   the ticket as stored after
 * @param historyBefore the number of history entries before
 * @param historyAfter  the number of history entries after
 * @since 0.1
 */
public record Step(int number, Move move, Facts before, Facts after, Outcome outcome, List<String> reasons,
                   Optional<String> errorCode, Ticket ticketBefore, Ticket ticketAfter, int historyBefore,
                   int historyAfter) {
    /** What became of a move. */
    public enum Outcome {
        /** The transition was taken, or the assignment or field entry was stored. */
        TAKEN,
        /** Guards refused the transition. */
        REFUSED,
        /** It failed otherwise (an effect could not be applied, an update was not allowed, ...). */
        FAILED
    }

    public Step {
        Objects.requireNonNull(move, "move");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(outcome, "outcome");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(ticketBefore, "ticketBefore");
        Objects.requireNonNull(ticketAfter, "ticketAfter");
    }

    /** Whether the move is an attempted transition. */
    public boolean isAttempt() {
        return move instanceof Move.Attempt;
    }

    /** The attempted transition's name, for an attempt that was taken. */
    public Optional<String> taken() {
        return move instanceof Move.Attempt a && outcome == Outcome.TAKEN ? Optional.of(a.transition())
                : Optional.empty();
    }

    @Override
    public String toString() {
        String what = number + ". " + move + ": ";
        return switch (outcome) {
            case TAKEN -> what + (before.state().equals(after.state()) ? "stays in " + after
                    : before.state() + " -> " + after);
            case REFUSED -> what + "refused: " + String.join("; ", reasons);
            case FAILED -> what + "failed with " + errorCode.orElse("an error") + ": " + String.join("; ", reasons);
        };
    }
}

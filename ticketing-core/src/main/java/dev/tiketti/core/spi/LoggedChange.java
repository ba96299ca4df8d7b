package dev.tiketti.core.spi;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import java.time.Instant;

/**
 * One entry of the {@link ChangeLog}: that a ticket changed (or was erased or swept), under which
 * sequence number, and when. Ids only, so the log never holds personal data.
 *
 * @since 0.1
 */
public record LoggedChange(long sequence, TicketId ticket, Kind kind, Instant at) {

    /** What a follower does with the entry. */
    public enum Kind {
        /** The ticket was opened or changed, or its requester's addresses changed: re-index it. */
        CHANGED,
        /** Erasure or retention rewrote or deleted it: re-index or remove it, then purge the index. */
        ERASED
    }

    public LoggedChange {
        Require.argument(sequence >= 1, () -> StoreProblems.changeLogSequenceBelowOne(sequence));
        Require.nonNull(ticket, "ticket id");
        Require.nonNull(kind, "kind");
        Require.nonNull(at, "at");
    }
}

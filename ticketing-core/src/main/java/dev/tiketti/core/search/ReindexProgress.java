package dev.tiketti.core.search;

/**
 * How far a {@link TicketSearch#reindex(ReindexListener)} has got.
 *
 * @param indexed tickets indexed so far
 * @param total   tickets stored when the rebuild started (tickets opened since are indexed too, by
 *                their own change, so {@code indexed} may end above it)
 * @param removed documents of tickets no longer stored that the rebuild dropped (only in the last report)
 * @param done    whether this is the last report
 * @since 0.1
 */
public record ReindexProgress(int indexed, int total, int removed, boolean done) {
}

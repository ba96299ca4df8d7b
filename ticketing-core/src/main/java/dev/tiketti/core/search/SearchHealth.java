package dev.tiketti.core.search;

import dev.tiketti.core.common.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How the search index is doing, from {@link TicketSearch#health()}.
 *
 * @param documents      documents a search can see now
 * @param lastCommit     when the index last made its changes durable; empty for an index that
 *                       keeps nothing on disk, or has not committed yet
 * @param lag            how far the index trails the ticket store (for indexes fed from a change log;
 *                       empty while core updates the index itself after each commit)
 * @param pendingChanges changes searchable but not yet durable (a crash loses them; reindex repairs)
 * @since 0.1
 */
public record SearchHealth(long documents, Optional<Instant> lastCommit, Optional<Duration> lag, long pendingChanges) {
    public SearchHealth {
        Require.nonNull(lastCommit, "last commit");
        Require.nonNull(lag, "lag");
    }
}

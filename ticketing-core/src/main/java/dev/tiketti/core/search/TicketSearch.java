package dev.tiketti.core.search;

/**
 * Finding tickets (R3), from {@code Ticketing.search()}: free text, the requester's e-mail address,
 * filters, facets, sorting and paging, through the configured search index. Thread-safe. Without an
 * index every method fails with {@code SEARCH_NOT_CONFIGURED}. See {@code docs/search.md}.
 *
 * @since 0.1
 */
public interface TicketSearch {

    /**
     * One page of the tickets that match, resolved to the tickets as stored now, in the query's
     * order; {@link FoundTickets#tickets()} for just the tickets.
     */
    FoundTickets find(SearchQuery query);

    /**
     * Rebuilds the index from the ticket store (after it was lost, or a new adapter was wired);
     * returns how many tickets were indexed. Safe while the system takes changes; see
     * {@link #reindex(ReindexListener)}.
     */
    default int reindex() {
        return reindex(ReindexListener.NONE);
    }

    /**
     * Rebuilds the index, reporting progress per batch. Searches keep working on the documents
     * already there. The rebuild indexes each stored ticket as it is stored at that moment, under the
     * same lock as the updates core makes after each commit, and finally drops documents of tickets no
     * longer stored: a change committed during the rebuild is indexed either by the rebuild (which then
     * reads it) or by its own update after the rebuild passed the ticket, so it is in the index when
     * both have returned.
     */
    int reindex(ReindexListener listener);

    /** Documents, last durable commit and pending changes of the index. */
    SearchHealth health();

    /**
     * Applies the shared change log to this node's index now (issue #14: every node's index follows
     * every change and erasure); returns how many log entries were applied. Without a change log in
     * the storage there is nothing to follow and it returns 0. See {@code docs/search.md}.
     */
    int catchUp();

    /**
     * Follows the change log on a daemon thread every {@code interval}, with a back-off while the
     * store is down; close the result (or the {@code Ticketing}) to stop. Without a change log the
     * thread has nothing to do.
     */
    AutoCloseable follow(java.time.Duration interval);

    /** How many committed change-log entries this node's index has yet to apply; 0 without a log. */
    long lag();
}

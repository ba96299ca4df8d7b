package dev.tiketti.core.search;

import dev.tiketti.core.ticket.Ticket;
import java.util.List;

/**
 * Finding tickets (R3), from {@code Ticketing.search()}: by the requester's e-mail address, words of
 * their texts and classification, through the configured search index. Thread-safe.
 *
 * @since 0.1
 */
public interface TicketSearch {

    /**
     * The tickets that match, in the index's order (by key); fails with
     * {@code SEARCH_NOT_CONFIGURED} without an index. See {@code docs/search.md}.
     */
    List<Ticket> find(SearchQuery query);

    /**
     * Rebuilds the index from the ticket store (after it was lost, or a new adapter was wired);
     * returns how many tickets were indexed. Safe while the system is in use.
     */
    int reindex();

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

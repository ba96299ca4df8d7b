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
}

package dev.tiketti.core.search;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.ticket.Ticket;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a ticket search: the hits in the query's order, how many match in all, the facet
 * counts asked for, and the cursor of the next page ({@code query.after(next)}).
 *
 * @param total  how many tickets match in all pages; a hit whose ticket was erased between indexing
 *               and reading is left out of {@code hits} but may still be counted here
 * @param facets per facet asked for: value → number of matching tickets, highest count first
 * @param next   the cursor of the next page; empty on the last one
 * @since 0.1
 */
public record FoundTickets(List<FoundTicket> hits, long total, Map<SearchFacet, Map<String, Long>> facets,
                           Optional<String> next) {
    public FoundTickets {
        hits = Require.listOf(hits, "hits");
        Map<SearchFacet, Map<String, Long>> copy = new EnumMap<>(SearchFacet.class);
        Require.nonNull(facets, "facets").forEach((f, counts) -> copy.put(Require.nonNull(f, "facet"),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Require.nonNull(counts, "facet counts")))));
        facets = java.util.Collections.unmodifiableMap(copy);
        Require.nonNull(next, "next cursor");
    }

    /** The tickets of this page, in order. */
    public List<Ticket> tickets() {
        return hits.stream().map(FoundTicket::ticket).toList();
    }

    /** The counts of one facet; empty when it was not asked for. */
    public Map<String, Long> facet(SearchFacet facet) {
        return facets.getOrDefault(Require.nonNull(facet, "facet"), Map.of());
    }
}

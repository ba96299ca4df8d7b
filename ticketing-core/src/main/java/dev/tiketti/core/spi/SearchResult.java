package dev.tiketti.core.spi;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.search.SearchFacet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link SearchIndex#search} answers: one page of hits in the query's order, the number of all
 * hits, the facet counts asked for, and the cursor of the next page.
 *
 * @param total  how many documents match in all (every page together)
 * @param facets per facet asked for, each value's number of matching documents (values with count 0
 *               left out), in descending count, then value order
 * @param next   the {@code after} cursor of the next page; empty on the last page
 * @since 0.1
 */
public record SearchResult(List<Hit> hits, long total, Map<SearchFacet, Map<String, Long>> facets,
                           Optional<String> next) {
    public SearchResult {
        hits = Require.listOf(hits, "hits");
        int returned = hits.size();
        Require.argument(total >= returned, () -> StoreProblems.searchTotalBelowHits(returned, total));
        Map<SearchFacet, Map<String, Long>> copy = new EnumMap<>(SearchFacet.class);
        Require.nonNull(facets, "facets").forEach((f, counts) -> copy.put(Require.nonNull(f, "facet"),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Require.nonNull(counts, "facet counts")))));
        facets = java.util.Collections.unmodifiableMap(copy);
        Require.nonNull(next, "next cursor");
    }

    /**
     * One matching document.
     *
     * @param score   the relevance score (higher is better; constant without free text)
     * @param snippet a short passage of a text the searcher may see, with each match marked
     *                {@code «like this»} (a {@code «} or {@code »} of the text itself becomes
     *                {@code ‹}/{@code ›}); plain text, no markup. Empty without free text or match.
     * @since 0.1
     */
    public record Hit(TicketId ticketId, TicketKey key, float score, Optional<String> snippet) {
        public Hit {
            Require.nonNull(ticketId, "ticket id");
            Require.nonNull(key, "key");
            Require.nonNull(snippet, "snippet");
        }
    }
}

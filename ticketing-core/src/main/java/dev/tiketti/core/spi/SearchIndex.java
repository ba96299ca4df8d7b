package dev.tiketti.core.spi;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchHealth;
import dev.tiketti.core.search.SearchQuery;
import java.util.List;
import java.util.Optional;

/**
 * Indexes tickets and finds them (R3); a copy of ticket text and requester addresses that must
 * forget erased data (R8). Core keeps it current after each committed change, erasure and
 * retention sweep; {@code Ticketing.search().reindex()} rebuilds it from the ticket store.
 *
 * <p>Obligations (checked by {@code SearchIndexContract} in the testkit):
 * <ul>
 * <li>{@link #index} creates or replaces the one document of its ticket id; indexing the same
 *     document again changes nothing (idempotent). After it returns, a {@link #search} from the same
 *     thread finds the ticket by the new content and no longer by content only the replaced document had.</li>
 * <li>{@link #remove} removes the ticket's document; idempotent (false when there was none).</li>
 * <li>{@link #search} answers one page ({@link SearchResult}):
 *   <ul>
 *   <li>matching: every present criterion and filter of the query holds (a filter with several values:
 *       any of them); e-mail addresses match whole and in any case; the free text follows
 *       {@link dev.tiketti.core.search.TextQuery} (AND by default, OR, phrases of adjacent words); a
 *       word matches a word of the texts case-insensitively and finds the words it begins
 *       ({@code vuosiloma} finds {@code vuosiloman}); an adapter may match more inflected forms but must
 *       find every form the contract names; the classification filter matches the path and beneath it;</li>
 *   <li>visibility: when {@code includeInternal()} is false, internal texts neither match nor appear in
 *       snippets;</li>
 *   <li>order: {@code sort()}, ties by key (prefix, then number) ascending; at most {@code limit()} hits;
 *       {@code total} counts all matches; {@code next} is present exactly when more hits follow, and
 *       {@code after(next)} yields the hits after the last one of this page, none twice (see
 *       {@link SearchCursor}); a cursor of another sort or malformed fails with
 *       {@code SEARCH_CURSOR_INVALID};</li>
 *   <li>facets: for each facet asked for, every value among all matches with its count
 *       ({@link dev.tiketti.core.search.SearchFacet} says what a value is); none asked, none returned;</li>
 *   <li>snippets: with free text, a passage of a text the searcher may see that matches, matches
 *       marked {@code «…»} (see {@link SearchResult.Hit}); without free text, none.</li>
 *   </ul></li>
 * <li><b>Forgetting</b>: once {@link #index} (with redacted content) or {@link #remove} has returned
 *     and {@link #purge()} has been called, no query, snippet, facet and no stored byte may still hold
 *     the old content. A Lucene adapter must therefore commit and {@code IndexWriter.forceMergeDeletes()}
 *     (deleted documents otherwise stay in segment files until a merge) and drop any NRT reader that
 *     still sees them. Core calls {@code purge()} at the end of every erasure and retention sweep.</li>
 * <li>Thread-safe; never returns null; neither texts nor addresses appear in exceptions or logs.</li>
 * </ul>
 *
 * @since 0.1
 */
public interface SearchIndex {

    /** Creates or replaces the document of {@code document.ticketId()}. */
    void index(SearchDocument document);

    /** Removes the ticket's document; false when there was none. */
    boolean remove(TicketId ticket);

    /** One page of the documents that match (see the class obligations). */
    SearchResult search(SearchQuery query);

    /** The stored document of a ticket, exactly as indexed (for verification and the erasure scan). */
    Optional<SearchDocument> document(TicketId ticket);

    /** Ids of every indexed ticket, in no particular order. */
    List<TicketId> indexed();

    /** Removes every document (before a rebuild); must forget like {@link #remove}. */
    void clear();

    /**
     * Makes earlier removals and replacements final in storage, so that no file, segment or cache
     * still holds the old content (see the class obligations). Nothing to do for an index that
     * overwrites in place, hence the default.
     */
    default void purge() {
    }

    /**
     * How far this index has followed the shared {@link ChangeLog}, as last recorded by
     * {@link #followed}; empty when it never recorded a position (then a following node rebuilds it
     * first). An index on disk keeps it with its commit (e.g. Lucene's commit user data), so that a
     * restarted node catches up from there; one in memory forgets it with its content.
     */
    default java.util.OptionalLong followedPosition() {
        return java.util.OptionalLong.empty();
    }

    /**
     * Records the change-log position this index reflects, durably with the content it describes
     * (the index must not claim a position its content does not yet hold after a crash).
     */
    default void followed(long position) {
    }

    /**
     * Documents, last durable commit and pending changes; the default suits an index that keeps
     * nothing on disk. {@code lag} is core's to fill.
     */
    default SearchHealth health() {
        return new SearchHealth(indexed().size(), Optional.empty(), Optional.empty(), 0);
    }
}

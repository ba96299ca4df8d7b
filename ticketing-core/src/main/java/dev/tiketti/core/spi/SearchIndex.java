package dev.tiketti.core.spi;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.search.SearchDocument;
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
 *     document again changes nothing (idempotent). After it returns, {@link #search} finds the
 *     ticket by the new content and no longer by content only the replaced document had.</li>
 * <li>{@link #remove} removes the ticket's document; idempotent (false when there was none).</li>
 * <li>{@link #search} returns ticket ids of matching documents, ordered by ticket key (prefix, then
 *     number), at most {@code limit}; e-mail addresses match whole and in any case; each query word
 *     must match a word of the texts, case-insensitively; an adapter may match more inflected forms
 *     than the in-memory one, but must find every form the contract names
 *     (a word finds the words it begins: {@code vuosiloma} finds {@code vuosiloman}).</li>
 * <li><b>Forgetting</b>: once {@link #index} (with redacted content) or {@link #remove} has returned
 *     and {@link #purge()} has been called, no query and no stored byte may still hold the old
 *     content. A Lucene adapter must therefore commit and {@code IndexWriter.forceMergeDeletes()}
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

    /** Ids of the tickets whose documents match, ordered by ticket key, at most {@code query.limit()}. */
    List<TicketId> search(SearchQuery query);

    /** The stored document of a ticket, as indexed (for verification and the erasure scan). */
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
}

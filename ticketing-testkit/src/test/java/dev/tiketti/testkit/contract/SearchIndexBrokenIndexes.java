package dev.tiketti.testkit.contract;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.inmemory.InMemorySearchIndex;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.spi.SearchIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Search indexes that break the forgetting obligations, for {@link SearchIndexContractCatchesBrokenIndexTest}
 * (not named *Test, so that surefire does not run the contract on them directly).
 */
final class SearchIndexBrokenIndexes {
    private SearchIndexBrokenIndexes() {
    }

    /** Keeps every indexed version in an "old segment" and searches it too. */
    static final class RememberingIndex implements SearchIndex {
        private final InMemorySearchIndex current = new InMemorySearchIndex();
        private final InMemorySearchIndex oldSegment = new InMemorySearchIndex();
        private int versions;

        @Override
        public synchronized void index(SearchDocument d) {
            current.index(d);
            // each version under its own id, so that replacing does not drop the old one
            oldSegment.index(new SearchDocument(new TicketId(new java.util.UUID(d.ticketId().value()
                    .getMostSignificantBits(), ++versions)), d.key(), d.classification(), d.requesterEmails(), d.texts()));
        }

        @Override
        public synchronized boolean remove(TicketId ticket) {
            return current.remove(ticket);
        }

        @Override
        public synchronized List<TicketId> search(SearchQuery query) {
            List<TicketId> hits = new ArrayList<>(current.search(query));
            oldSegment.search(query).stream().map(id -> new TicketId(new java.util.UUID(
                    id.value().getMostSignificantBits(), (long) keyNumber(id)))).filter(id -> !hits.contains(id))
                    .forEach(hits::add);
            return hits;
        }

        private int keyNumber(TicketId versionId) {
            return (int) oldSegment.document(versionId).orElseThrow().key().number();
        }

        @Override
        public synchronized Optional<SearchDocument> document(TicketId ticket) {
            return current.document(ticket);
        }

        @Override
        public synchronized List<TicketId> indexed() {
            return current.indexed();
        }

        @Override
        public synchronized void clear() {
            current.clear();
        }
    }

    static class RememberingIndexRun extends SearchIndexContract {
        @Override
        protected SearchIndex createIndex() {
            return new RememberingIndex();
        }
    }

}

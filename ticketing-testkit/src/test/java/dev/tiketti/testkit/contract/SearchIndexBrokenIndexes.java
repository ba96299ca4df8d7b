package dev.tiketti.testkit.contract;

import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.inmemory.InMemorySearchIndex;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.spi.SearchIndex;
import dev.tiketti.core.spi.SearchResult;
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
                    .getMostSignificantBits(), ++versions)), d.key(), d.kind(), d.typeId(), d.team(), d.state(),
                    d.stateCategory(), d.assignee(), d.channel(), d.priority(), d.createdAt(), d.updatedAt(), d.slaDue(),
                    d.classification(), d.requesterEmails(), d.language(), d.texts()));
        }

        @Override
        public synchronized boolean remove(TicketId ticket) {
            return current.remove(ticket);
        }

        @Override
        public synchronized SearchResult search(SearchQuery query) {
            SearchResult now = current.search(query);
            List<SearchResult.Hit> hits = new ArrayList<>(now.hits());
            List<TicketId> ids = new ArrayList<>(hits.stream().map(SearchResult.Hit::ticketId).toList());
            for (SearchResult.Hit old : query.after().isPresent() ? List.<SearchResult.Hit>of()
                    : oldSegment.search(query).hits()) {
                TicketId id = new TicketId(new java.util.UUID(old.ticketId().value().getMostSignificantBits(),
                        keyNumber(old.ticketId())));
                if (!ids.contains(id)) {
                    ids.add(id);
                    hits.add(new SearchResult.Hit(id, old.key(), old.score(), old.snippet()));
                }
            }
            return new SearchResult(hits, Math.max(now.total(), hits.size()), now.facets(), now.next());
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

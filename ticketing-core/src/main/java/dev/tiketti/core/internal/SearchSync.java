package dev.tiketti.core.internal;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.search.FoundTicket;
import dev.tiketti.core.search.FoundTickets;
import dev.tiketti.core.search.ReindexListener;
import dev.tiketti.core.search.ReindexProgress;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchHealth;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.search.TicketSearch;
import dev.tiketti.core.spi.SearchResult;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.SearchIndex;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * Keeps the {@link SearchIndex} in step with the ticket store: the document of a ticket is always
 * rebuilt from what is stored now (ticket, timeline, requester's current addresses). Refreshes are
 * serialised, and each reads the store inside the lock, so two changes of one ticket committed by
 * different threads cannot leave the older content indexed last. Not API.
 */
public final class SearchSync implements TicketSearch {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SearchSync.class);
    private final Optional<SearchIndex> index;
    private final TicketStore tickets;
    private final ContactStore contacts;
    private final StateCategories categories;
    private volatile Optional<IndexFollower> follower = Optional.empty();

    public SearchSync(Optional<SearchIndex> index, TicketStore tickets, ContactStore contacts,
                      StateCategories categories) {
        this.index = Require.nonNull(index, "search index");
        this.tickets = Require.nonNull(tickets, "ticket store");
        this.contacts = Require.nonNull(contacts, "contact store");
        this.categories = Require.nonNull(categories, "state categories");
    }

    /** The index, if one is configured. */
    public Optional<SearchIndex> index() {
        return index;
    }

    /** The index, or {@code SEARCH_NOT_CONFIGURED}. */
    public SearchIndex requireIndex() {
        return index.orElseThrow(ConfigProblems::searchNotConfigured);
    }

    /** The document the ticket should have now; empty when the ticket is gone. */
    public Optional<SearchDocument> documentOf(TicketId id) {
        return tickets.find(id).map(this::documentOf);
    }

    SearchDocument documentOf(Ticket t) {
        return SearchDocument.of(t, tickets.timeline(t.id()), contacts.find(t.requester()), categories.category(t));
    }

    /**
     * Indexes the ticket as stored now, or removes it when it is gone.
     *
     * @return whether the index held something else before
     */
    public synchronized boolean refresh(TicketId id) {
        if (index.isEmpty()) {
            return false;
        }
        SearchIndex idx = index.get();
        Optional<SearchDocument> now = documentOf(id);
        Optional<SearchDocument> before = idx.document(id);
        if (now.isEmpty()) {
            return idx.remove(id);
        }
        if (!before.equals(now)) {
            idx.index(now.get());
            return true;
        }
        return false;
    }

    /** Re-indexes these tickets (a contact's, after their addresses changed); failures are logged. */
    public void refreshAll(List<Ticket> changed) {
        if (index.isEmpty()) {
            return;
        }
        for (Ticket t : changed) {
            try {
                refresh(t.id());
            } catch (RuntimeException e) {
                LOG.error("Updating the search index for ticket {} failed; Ticketing.search().reindex() repairs the index",
                        t.key(), e);
            }
        }
    }

    @Override
    public FoundTickets find(SearchQuery query) {
        Require.nonNull(query, "search query");
        SearchResult r = requireIndex().search(query);
        List<FoundTicket> hits = new ArrayList<>();
        for (SearchResult.Hit h : r.hits()) {
            // an index is updated after commit, so it may briefly name a ticket a concurrent erasure removed
            tickets.find(h.ticketId()).ifPresent(t -> hits.add(new FoundTicket(t, h.score(), h.snippet())));
        }
        return new FoundTickets(hits, r.total(), r.facets(), r.next());
    }

    @Override
    public SearchHealth health() {
        SearchHealth h = requireIndex().health();
        return follower.isEmpty() ? h : new SearchHealth(h.documents(), h.lastCommit(),
                Optional.of(follower.get().lagTime()), h.pendingChanges());
    }

    @Override
    public int reindex(ReindexListener listener) {
        Require.nonNull(listener, "reindex listener");
        int n = rebuild(listener);
        LOG.info("Search index rebuilt: {} ticket(s)", n);
        return n;
    }

    /** Rebuilds the index with no listener; returns how many tickets were indexed. */
    public int rebuild() {
        return rebuild(ReindexListener.NONE);
    }

    /**
     * Indexes every stored ticket, then removes documents of tickets no longer stored. Not one lock
     * for the whole run: each ticket is read and indexed under the lock {@link #refresh} takes, so a
     * change committed meanwhile is indexed by whichever of the two reads the store last, and searches
     * and post-commit updates go on between tickets.
     */
    public int rebuild(ReindexListener listener) {
        SearchIndex index = requireIndex();
        int batch = Math.max(1, listener.batchSize());
        List<TicketId> ids = tickets.query(TicketQuery.all().limit(Integer.MAX_VALUE)).stream().map(Ticket::id).toList();
        Set<TicketId> seen = new HashSet<>();
        int n = 0;
        for (TicketId id : ids) {
            if (reindexOne(index, id)) {
                n++;
            }
            seen.add(id);
            if (seen.size() % batch == 0) {
                listener.progress(new ReindexProgress(n, ids.size(), 0, false));
            }
        }
        int removed = 0;
        for (TicketId id : index.indexed()) {
            if (!seen.contains(id) && dropIfGone(index, id)) {
                removed++;
            }
        }
        index.purge();
        listener.progress(new ReindexProgress(n, ids.size(), removed, true));
        return n;
    }

    /** Makes this node's index follow {@code log} (set once, by the builder). */
    public void followWith(IndexFollower value) {
        follower = Optional.of(value);
    }

    @Override
    public int catchUp() {
        return follower.map(IndexFollower::catchUp).orElse(0);
    }

    @Override
    public AutoCloseable follow(java.time.Duration interval) {
        requireIndex();
        return follower.map(f -> f.start(interval)).orElse(() -> { });
    }

    @Override
    public long lag() {
        return follower.map(IndexFollower::lag).orElse(0L);
    }

    /** Stops the follower threads started here. */
    public void close() {
        follower.ifPresent(IndexFollower::close);
    }

    private synchronized boolean reindexOne(SearchIndex index, TicketId id) {
        Optional<SearchDocument> now = documentOf(id);
        if (now.isEmpty()) {
            index.remove(id); // erased since the listing
            return false;
        }
        index.index(now.get()); // always: a rebuild repairs documents that only look equal
        return true;
    }

    private synchronized boolean dropIfGone(SearchIndex index, TicketId id) {
        // a ticket opened after the listing is stored, and its own update indexed it: keep it
        return tickets.find(id).isEmpty() && index.remove(id);
    }
}

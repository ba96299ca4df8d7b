package dev.tiketti.core.internal;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.search.SearchQuery;
import dev.tiketti.core.search.TicketSearch;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.SearchIndex;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TicketQuery;
import java.util.List;
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
    private volatile Optional<IndexFollower> follower = Optional.empty();

    public SearchSync(Optional<SearchIndex> index, TicketStore tickets, ContactStore contacts) {
        this.index = Require.nonNull(index, "search index");
        this.tickets = Require.nonNull(tickets, "ticket store");
        this.contacts = Require.nonNull(contacts, "contact store");
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
        List<String> emails = contacts.find(t.requester()).map(Contact::emails).orElse(List.of());
        return SearchDocument.of(t, tickets.timeline(t.id()), emails);
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

    /** Re-indexes the tickets a contact requested (after their addresses changed); failures are logged. */
    public void refreshRequester(dev.tiketti.core.common.ContactId requester) {
        if (index.isEmpty()) {
            return;
        }
        for (Ticket t : tickets.query(TicketQuery.all().requester(requester).limit(Integer.MAX_VALUE))) {
            try {
                refresh(t.id());
            } catch (RuntimeException e) {
                LOG.error("Updating the search index for ticket {} failed; Ticketing.search().reindex() repairs the index",
                        t.key(), e);
            }
        }
    }

    @Override
    public List<Ticket> find(SearchQuery query) {
        Require.nonNull(query, "search query");
        // an index is updated after commit, so it may briefly name a ticket a concurrent erasure removed
        return requireIndex().search(query).stream().map(tickets::find).flatMap(Optional::stream).toList();
    }

    @Override
    public int reindex() {
        int n = rebuild();
        LOG.info("Search index rebuilt: {} ticket(s)", n);
        return n;
    }

    /** Clears the index and indexes every stored ticket; returns how many. */
    public synchronized int rebuild() {
        SearchIndex index = requireIndex();
        index.clear();
        int n = 0;
        for (Ticket t : tickets.query(TicketQuery.all().limit(Integer.MAX_VALUE))) {
            index.index(documentOf(t));
            n++;
        }
        index.purge();
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
}

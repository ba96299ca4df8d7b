package dev.tiketti.core.internal;

import dev.tiketti.core.TicketId;
import dev.tiketti.core.TicketQuery;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.search.SearchDocument;
import dev.tiketti.core.spi.ContactStore;
import dev.tiketti.core.spi.SearchIndex;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.ticket.Ticket;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the {@link SearchIndex} in step with the ticket store: the document of a ticket is always
 * rebuilt from what is stored now (ticket, timeline, requester's current addresses). Not API.
 */
public final class SearchSync {
    private final SearchIndex index;
    private final TicketStore tickets;
    private final ContactStore contacts;

    public SearchSync(SearchIndex index, TicketStore tickets, ContactStore contacts) {
        this.index = Require.nonNull(index, "search index");
        this.tickets = Require.nonNull(tickets, "ticket store");
        this.contacts = Require.nonNull(contacts, "contact store");
    }

    public SearchIndex index() {
        return index;
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
    public boolean refresh(TicketId id) {
        Optional<SearchDocument> now = documentOf(id);
        Optional<SearchDocument> before = index.document(id);
        if (now.isEmpty()) {
            return index.remove(id);
        }
        if (!before.equals(now)) {
            index.index(now.get());
            return true;
        }
        return false;
    }

    /** Clears the index and indexes every stored ticket; returns how many. */
    public int rebuild() {
        index.clear();
        int n = 0;
        for (Ticket t : tickets.query(TicketQuery.all().limit(Integer.MAX_VALUE))) {
            index.index(documentOf(t));
            n++;
        }
        index.purge();
        return n;
    }
}

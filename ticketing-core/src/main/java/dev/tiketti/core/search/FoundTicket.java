package dev.tiketti.core.search;

import dev.tiketti.core.common.Require;
import dev.tiketti.core.ticket.Ticket;
import java.util.Optional;

/**
 * One hit of {@link TicketSearch#find}: the ticket as stored now, its score and a snippet.
 *
 * @param score   relevance (higher is better; constant when the search has no free text)
 * @param snippet a short passage of a text the searcher may see, each match marked {@code «like this»};
 *                plain text (a {@code «}/{@code »} of the text itself shows as {@code ‹}/{@code ›}), so
 *                escape it before putting it into HTML. Empty when nothing was matched by text.
 * @since 0.1
 */
public record FoundTicket(Ticket ticket, float score, Optional<String> snippet) {
    public FoundTicket {
        Require.nonNull(ticket, "ticket");
        Require.nonNull(snippet, "snippet");
    }
}

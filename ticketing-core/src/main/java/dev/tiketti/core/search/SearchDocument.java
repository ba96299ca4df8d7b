package dev.tiketti.core.search;

import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a search index holds about one ticket: its id and key, its classification, the requester's
 * e-mail addresses (lower-case) and its texts (subject, resolution, every timeline body, public and
 * internal). It holds personal data, so an index must forget it on erasure (R8).
 *
 * @since 0.1
 */
public record SearchDocument(TicketId ticketId, TicketKey key, Optional<Classification> classification,
                             List<String> requesterEmails, List<String> texts) {
    public SearchDocument {
        Require.nonNull(ticketId, "ticket id");
        Require.nonNull(key, "ticket key");
        Require.nonNull(classification, "classification");
        requesterEmails = Require.listOf(requesterEmails, "requester e-mail addresses").stream()
                .map(e -> Require.notBlank(e, "requester e-mail address").strip().toLowerCase(Locale.ROOT))
                .distinct().toList();
        texts = Require.listOf(texts, "texts");
        texts.forEach(t -> Require.nonNull(t, "text"));
    }

    /** The document of a ticket as stored now: its subject, resolution and timeline bodies. */
    public static SearchDocument of(Ticket ticket, List<TimelineEntry> timeline, List<String> requesterEmails) {
        Require.nonNull(ticket, "ticket");
        List<String> texts = new ArrayList<>();
        texts.add(ticket.subject());
        ticket.resolution().ifPresent(texts::add);
        Require.listOf(timeline, "timeline").forEach(e -> texts.add(e.body()));
        return new SearchDocument(ticket.id(), ticket.key(), ticket.classification(), requesterEmails, texts);
    }
}

package dev.tiketti.core.search;

import dev.tiketti.core.common.AgentId;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Classification;
import dev.tiketti.core.common.Priority;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TeamId;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.Language;
import dev.tiketti.core.ticket.StateCategory;
import dev.tiketti.core.ticket.Ticket;
import dev.tiketti.core.ticket.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a search index holds about one ticket: the fields a search filters, sorts and counts by,
 * the requester's e-mail addresses (lower-case, matched whole) and the texts, each with its part
 * and visibility. It holds personal data, so an index must forget it on erasure (R8), and must
 * return it from {@code SearchIndex.document} exactly as given.
 *
 * @param kind           what the document describes (tickets only, for now)
 * @param typeId         the ticket type's id
 * @param state          the workflow state's name
 * @param stateCategory  that state's category in the ticket's workflow version
 * @param language       the requester's language, for analysis; empty when the contact is unknown
 * @param texts          subject, resolution, text custom fields (internal) and timeline bodies, in that order
 * @since 0.1
 */
public record SearchDocument(TicketId ticketId, TicketKey key, DocumentKind kind, String typeId, TeamId team,
                             String state, StateCategory stateCategory, Optional<AgentId> assignee, Channel channel,
                             Priority priority, Instant createdAt, Instant updatedAt, Optional<Instant> slaDue,
                             Optional<Classification> classification, List<String> requesterEmails,
                             Optional<Language> language, List<SearchText> texts) {
    public SearchDocument {
        Require.nonNull(ticketId, "ticket id");
        Require.nonNull(key, "ticket key");
        Require.nonNull(kind, "document kind");
        Require.nonNull(typeId, "type id");
        Require.nonNull(team, "team");
        Require.nonNull(state, "state");
        Require.nonNull(stateCategory, "state category");
        Require.nonNull(assignee, "assignee");
        Require.nonNull(channel, "channel");
        Require.nonNull(priority, "priority");
        Require.nonNull(createdAt, "created at");
        Require.nonNull(updatedAt, "updated at");
        Require.nonNull(slaDue, "SLA due");
        Require.nonNull(classification, "classification");
        requesterEmails = Require.listOf(requesterEmails, "requester e-mail addresses").stream()
                .map(e -> Require.notBlank(e, "requester e-mail address").strip().toLowerCase(Locale.ROOT))
                .distinct().toList();
        Require.nonNull(language, "language");
        texts = Require.listOf(texts, "texts");
    }

    /**
     * The document of a ticket as stored now. Subject and resolution are public; text custom fields
     * count as internal (core has no per-field visibility yet), in field-name order; each timeline
     * entry keeps its own visibility.
     *
     * @param requester the requester's contact as registered now; empty when it is gone
     * @param category  the category of the ticket's state in its workflow version
     */
    public static SearchDocument of(Ticket ticket, List<TimelineEntry> timeline, Optional<Contact> requester,
                                    StateCategory category) {
        Require.nonNull(ticket, "ticket");
        Require.nonNull(requester, "requester");
        List<SearchText> texts = new ArrayList<>();
        texts.add(SearchText.visible(TextPart.SUBJECT, ticket.subject()));
        ticket.resolution().ifPresent(r -> texts.add(SearchText.visible(TextPart.RESOLUTION, r)));
        for (Map.Entry<String, Object> f : new TreeMap<>(ticket.fields().values()).entrySet()) {
            if (f.getValue() instanceof String s && !s.isBlank()) {
                texts.add(SearchText.internal(TextPart.FIELD, s));
            }
        }
        for (TimelineEntry e : Require.listOf(timeline, "timeline")) {
            texts.add(new SearchText(TextPart.ENTRY, e.visibility(), e.body()));
        }
        return new SearchDocument(ticket.id(), ticket.key(), DocumentKind.TICKET, ticket.typeId(), ticket.team(),
                ticket.state(), Require.nonNull(category, "state category"), ticket.assignee(), ticket.channel(),
                ticket.priority(), ticket.createdAt(), ticket.updatedAt(), ticket.slaDue(), ticket.classification(),
                requester.map(Contact::emails).orElse(List.of()), requester.map(Contact::language), texts);
    }

    /** The texts a searcher sees: all of them for handlers, the public ones otherwise. */
    public List<SearchText> textsFor(boolean includeInternal) {
        return includeInternal ? texts
                : texts.stream().filter(t -> t.visibility() == dev.tiketti.core.ticket.Visibility.PUBLIC).toList();
    }

    /** This document with other texts and addresses (e.g. redacted), everything else kept. */
    public SearchDocument withContent(List<String> emails, List<SearchText> newTexts) {
        return new SearchDocument(ticketId, key, kind, typeId, team, state, stateCategory, assignee, channel, priority,
                createdAt, updatedAt, slaDue, classification, emails, language, newTexts);
    }
}

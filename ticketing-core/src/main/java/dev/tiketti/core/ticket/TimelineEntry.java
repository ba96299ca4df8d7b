package dev.tiketti.core.ticket;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a ticket's timeline: an inbound message, an outbound reply, an internal note or a
 * logged phone call, with author, visibility, body and attachment references.
 *
 * @since 0.1
 */
public record TimelineEntry(UUID id, TicketId ticketId, EntryKind kind, Actor author, Visibility visibility,
                            Channel channel, String body, List<AttachmentRef> attachments, Instant at) {
    public TimelineEntry {
        Require.nonNull(id, "id");
        Require.nonNull(ticketId, "ticketId");
        Require.nonNull(kind, "kind");
        Require.nonNull(author, "author");
        Require.nonNull(visibility, "visibility");
        Require.nonNull(channel, "channel");
        Require.nonNull(body, "body");
        attachments = Require.listOf(attachments, "attachments");
        Require.nonNull(at, "at");
        if (kind == EntryKind.INTERNAL_NOTE && visibility != Visibility.INTERNAL) {
            throw TicketMessages.publicInternalNoteStored();
        }
    }
}

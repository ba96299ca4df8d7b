package dev.tiketti.core.ticket;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.common.TicketId;
import java.util.List;
import java.util.Optional;

/**
 * A timeline entry to add to a ticket: a message that came in, a reply to send, a note for the
 * team or a phone call to log. Replies are delivered to the requester through the outbound
 * transport after commit.
 *
 * @since 0.1
 */
public record NewEntry(TicketId ticketId, EntryKind kind, Actor author, Visibility visibility, Channel channel,
                       String body, List<AttachmentRef> attachments, Optional<String> idempotencyKey) {
    public NewEntry {
        Require.nonNull(ticketId, "ticket id");
        Require.nonNull(kind, "entry kind");
        Require.nonNull(author, "author");
        Require.nonNull(visibility, "visibility");
        Require.nonNull(channel, "channel");
        Require.notBlank(body, "body");
        attachments = Require.listOf(attachments, "attachments");
        idempotencyKey = Require.nonNull(idempotencyKey, "idempotency key").map(TicketMessages::checkedIdempotencyKey);
        Require.argument(kind != EntryKind.INTERNAL_NOTE || visibility == Visibility.INTERNAL,
                TicketMessages::publicInternalNote);
    }

    public static NewEntry note(TicketId ticket, Actor author, String text) {
        return new NewEntry(ticket, EntryKind.INTERNAL_NOTE, author, Visibility.INTERNAL, Channel.OTHER,
                text, List.of(), Optional.empty());
    }

    public static NewEntry reply(TicketId ticket, Actor author, String text) {
        return new NewEntry(ticket, EntryKind.OUTBOUND_REPLY, author, Visibility.PUBLIC, Channel.EMAIL,
                text, List.of(), Optional.empty());
    }

    public static NewEntry inbound(TicketId ticket, Actor author, Channel channel, String text) {
        return new NewEntry(ticket, EntryKind.INBOUND_MESSAGE, author, Visibility.PUBLIC, channel,
                text, List.of(), Optional.empty());
    }

    /** A phone call, summarised by the handler who took it; internal unless made public. */
    public static NewEntry phoneCall(TicketId ticket, Actor author, String summary) {
        return new NewEntry(ticket, EntryKind.PHONE_CALL, author, Visibility.INTERNAL, Channel.PHONE,
                summary, List.of(), Optional.empty());
    }

    public NewEntry withAttachment(AttachmentRef ref) {
        var copy = new java.util.ArrayList<>(attachments);
        copy.add(Require.nonNull(ref, "attachment"));
        return new NewEntry(ticketId, kind, author, visibility, channel, body, copy, idempotencyKey);
    }

    /**
     * Makes adding idempotent: a second {@code addEntry} with the same key adds nothing and returns
     * the entry the first one added. Same rules for keys as {@link OpenTicket#idempotencyKey}.
     */
    public NewEntry withIdempotencyKey(String key) {
        return new NewEntry(ticketId, kind, author, visibility, channel, body, attachments,
                Optional.of(Require.notBlank(key, "idempotency key")));
    }

    public NewEntry withVisibility(Visibility value) {
        return new NewEntry(ticketId, kind, author, value, channel, body, attachments, idempotencyKey);
    }
}

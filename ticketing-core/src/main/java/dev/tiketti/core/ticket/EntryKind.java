package dev.tiketti.core.ticket;

/**
 * What a timeline entry records (R1: every channel's traffic stays behind the one ticket).
 *
 * @since 0.1
 */
public enum EntryKind {
    /** A message from the requester or a third party (mail, chat, web form). */
    INBOUND_MESSAGE,
    /** A reply or message sent by the team. */
    OUTBOUND_REPLY,
    /** A note for the team only. */
    INTERNAL_NOTE,
    /** A phone call, logged like a message. */
    PHONE_CALL
}

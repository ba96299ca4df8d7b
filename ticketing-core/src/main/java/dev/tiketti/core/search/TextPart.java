package dev.tiketti.core.search;

/**
 * Which part of a ticket a {@link SearchText} comes from; an index may weigh parts differently.
 *
 * @since 0.1
 */
public enum TextPart {
    /** The ticket's subject. */
    SUBJECT,
    /** The resolution given to the requester. */
    RESOLUTION,
    /** A custom field holding text. */
    FIELD,
    /** The body of a timeline entry (message, reply, note, call). */
    ENTRY
}

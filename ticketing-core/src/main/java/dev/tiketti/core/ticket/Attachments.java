package dev.tiketti.core.ticket;

import java.util.Optional;

/**
 * Attachment content, from {@code Ticketing.attachments()}: store it first, then put the returned
 * reference on a timeline entry. Content is kept once per SHA-256 digest. Thread-safe.
 *
 * @since 0.1
 */
public interface Attachments {

    /** Stores attachment content and returns the reference to put on a timeline entry. */
    AttachmentRef store(String fileName, String mediaType, byte[] content);

    /** The content behind a reference, if it is (still) stored. */
    Optional<byte[]> content(AttachmentRef ref);
}

package dev.tiketti.core.ticket;

import dev.tiketti.core.common.Require;
import java.util.regex.Pattern;

/**
 * A reference from a timeline entry to content in the attachment store, addressed by SHA-256.
 *
 * @since 0.1
 */
public record AttachmentRef(String sha256, String fileName, String mediaType, long size) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public AttachmentRef {
        if (sha256 == null || !HEX.matcher(sha256).matches()) {
            throw TicketMessages.attachmentDigestInvalid();
        }
        Require.notBlank(fileName, "attachment file name");
        Require.notBlank(mediaType, "attachment media type");
        if (size < 0) {
            throw TicketMessages.attachmentSizeNegative(size);
        }
    }
}

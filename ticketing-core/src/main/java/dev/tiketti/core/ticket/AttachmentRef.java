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
            throw new dev.tiketti.core.common.TicketingException(dev.tiketti.core.common.ErrorCode.ARGUMENT_INVALID,
                    "Attachment reference must be a lower-case hex SHA-256 (64 characters); "
                            + "store the content with AttachmentStore.put(...) and use the digest it returns.");
        }
        Require.notBlank(fileName, "attachment file name");
        Require.notBlank(mediaType, "attachment media type");
        if (size < 0) {
            throw new dev.tiketti.core.common.TicketingException(dev.tiketti.core.common.ErrorCode.ARGUMENT_INVALID,
                    "Attachment size must not be negative, was " + size + ".");
        }
    }
}

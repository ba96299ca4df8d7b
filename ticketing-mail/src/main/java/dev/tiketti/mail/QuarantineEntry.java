package dev.tiketti.mail;

import dev.tiketti.core.common.Require;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A mail the channel could not turn into a ticket change and keeps raw for a person to look at: why
 * (an error code of {@code docs/reference/errors.md} and its message, free of the mail's content),
 * when, and which raw bytes ({@link MailChannel#quarantinedRaw}).
 *
 * @param messageKey the mail's idempotency key ({@code mail:<mailbox>:<Message-ID>} or {@code …:sha256:<digest>})
 * @param sender     the From address, when it could be read
 * @param rawSha256  the SHA-256 of the raw bytes, their key in the attachment store
 * @since 0.1
 */
public record QuarantineEntry(UUID id, String mailbox, String messageKey, Instant receivedAt, String reasonCode,
        String reason, Optional<String> sender, String rawSha256, long rawSize) {
    public QuarantineEntry {
        Require.nonNull(id, "id");
        Require.notBlank(mailbox, "mailbox");
        Require.notBlank(messageKey, "messageKey");
        Require.nonNull(receivedAt, "receivedAt");
        Require.notBlank(reasonCode, "reasonCode");
        Require.notBlank(reason, "reason");
        Require.nonNull(sender, "sender");
        Require.notBlank(rawSha256, "rawSha256");
    }
}

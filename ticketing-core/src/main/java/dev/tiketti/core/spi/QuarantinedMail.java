package dev.tiketti.core.spi;

import dev.tiketti.core.common.Require;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A message the mail channel could not ingest and keeps for the host to look at: too large, too
 * deeply nested, unparseable, or from a sender the registration rules refuse. Nothing is lost: the
 * raw message lives in the {@link AttachmentStore} under {@link #rawSha256()}.
 *
 * @param mailbox    the mailbox it came from, e.g. {@code hr@example.fi/INBOX}
 * @param messageKey what makes quarantining idempotent (the mail module builds it from the mailbox
 *                   and the Message-ID or the raw digest); at most {@link #MAX_MESSAGE_KEY_LENGTH}
 *                   characters, compared exactly
 * @param reasonCode the {@code ErrorCode} id of the reason, e.g. {@code TKT-1003}
 * @param reason     a short text for the host, at most {@link #MAX_REASON_LENGTH} characters;
 *                   never personal data (ids and limits only)
 * @param sender     the sender's address, lower-cased (see {@link MailStore#address}), so erasure
 *                   finds the message; empty when the message named none that could be read
 * @param rawSha256  the lower-case hex SHA-256 of the raw message, its key in the attachment store
 * @param rawSize    the raw message's size in bytes
 * @since 0.1
 */
public record QuarantinedMail(UUID id, String mailbox, String messageKey, Instant receivedAt, String reasonCode,
                              String reason, Optional<String> sender, String rawSha256, long rawSize) {

    /** The longest message key a store must keep; hash a longer one (SHA-256 hex). */
    public static final int MAX_MESSAGE_KEY_LENGTH = 200;

    /** The longest reason text a store must keep. */
    public static final int MAX_REASON_LENGTH = 500;

    private static final Pattern CODE = Pattern.compile("TKT-\\d{4}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public QuarantinedMail {
        Require.nonNull(id, "quarantined mail id");
        mailbox = MailboxState.mailbox(mailbox);
        Require.notBlank(messageKey, "message key");
        Require.argument(messageKey.length() <= MAX_MESSAGE_KEY_LENGTH,
                () -> StoreProblems.mailMessageKeyTooLong(messageKey.length()));
        Require.nonNull(receivedAt, "received at");
        Require.notBlank(reasonCode, "reason code");
        Require.argument(CODE.matcher(reasonCode).matches(), () -> StoreProblems.mailReasonCode(reasonCode));
        Require.notBlank(reason, "reason");
        Require.argument(reason.length() <= MAX_REASON_LENGTH, () -> StoreProblems.mailReasonTooLong(reason.length()));
        Require.nonNull(sender, "sender");
        sender = sender.map(MailStore::address);
        Require.notBlank(rawSha256, "raw message digest");
        Require.argument(SHA256.matcher(rawSha256).matches(), () -> StoreProblems.mailRawDigest(rawSha256.length()));
        Require.argument(rawSize >= 0, () -> StoreProblems.mailRawSize(rawSize));
    }
}

package dev.tiketti.mail;

import dev.tiketti.core.common.Require;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One received mail as {@link MailParser} read it from raw RFC 5322 bytes: who sent it to whom, the
 * decoded subject, the threading ids, the plain-text body split into the new text and the quoted
 * history, the sanitised HTML, the attachments, and what kind of sender (person or machine) it came
 * from. Immutable and free of the store: the raw bytes themselves are <em>not</em> kept in this value
 * (only {@link #rawSize()} and {@link #digest()}); the caller stores them if it wants them.
 *
 * @param from        the first From mailbox; empty if the mail has none that can be read
 * @param replyTo     Reply-To mailboxes, in order
 * @param to          To mailboxes, in order
 * @param cc          Cc mailboxes, in order
 * @param subject     the decoded subject, control characters replaced by spaces; empty if none
 * @param date        the Date header, if present and readable
 * @param messageId   the Message-ID without angle brackets
 * @param inReplyTo   the In-Reply-To ids without angle brackets
 * @param references  the References ids without angle brackets, oldest first
 * @param text        the whole plain-text body (from the HTML when the mail has only HTML)
 * @param newText     the text before the quoted history (all of {@code text} when there is none)
 * @param quoted      the quoted history below the new text, if any
 * @param html        the HTML body, sanitised (see {@code docs/mail.md}); {@code cid:} image URLs name an
 *                    attachment's {@link MailAttachment#contentId()}
 * @param attachments every part that is not the body text or HTML, in mail order
 * @param kind        what kind of sender the mail comes from
 * @param bounce      for a {@link MailKind#BOUNCE}, what the delivery report says
 * @param headers     the top-level header fields, decoded, in mail order
 * @param rawSize     the number of raw bytes parsed
 * @param digest      lower-case hex SHA-256 of the raw bytes: the dedupe key when there is no Message-ID
 * @since 0.1
 */
public record InboundMail(Optional<MailAddress> from, List<MailAddress> replyTo, List<MailAddress> to,
        List<MailAddress> cc, String subject, Optional<Instant> date, Optional<String> messageId,
        List<String> inReplyTo, List<String> references, String text, String newText, Optional<String> quoted,
        Optional<String> html, List<MailAttachment> attachments, MailKind kind, Optional<MailBounce> bounce,
        List<MailHeader> headers, long rawSize, String digest) {

    public InboundMail {
        Require.nonNull(from, "from");
        replyTo = Require.listOf(replyTo, "replyTo");
        to = Require.listOf(to, "to");
        cc = Require.listOf(cc, "cc");
        Require.nonNull(subject, "subject");
        Require.nonNull(date, "date");
        Require.nonNull(messageId, "messageId");
        inReplyTo = Require.listOf(inReplyTo, "inReplyTo");
        references = Require.listOf(references, "references");
        Require.nonNull(text, "text");
        Require.nonNull(newText, "newText");
        Require.nonNull(quoted, "quoted");
        Require.nonNull(html, "html");
        attachments = Require.listOf(attachments, "attachments");
        Require.nonNull(kind, "kind");
        Require.nonNull(bounce, "bounce");
        headers = Require.listOf(headers, "headers");
        Require.notBlank(digest, "digest");
    }

    /** The first value of the top-level header {@code name} (case-insensitive), decoded. */
    public Optional<String> header(String name) {
        Require.notBlank(name, "name");
        for (MailHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    /** Every value of the top-level header {@code name} (case-insensitive), in mail order. */
    public List<String> headers(String name) {
        Require.notBlank(name, "name");
        String n = name.toLowerCase(Locale.ROOT);
        return headers.stream().filter(h -> h.name().toLowerCase(Locale.ROOT).equals(n)).map(MailHeader::value)
                .toList();
    }
}

package dev.tiketti.mail;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A raw mail broke one of the parser's budgets ({@link MailLimits}); {@link #reason()} says which, so
 * the caller can quarantine the raw bytes (they would fail the same way again) and tell an operator.
 * The message names the limit and the value seen, never the mail's content. Code
 * {@link ErrorCode#MAIL_REJECTED}.
 *
 * @since 0.1
 */
public class MailRejectedException extends TicketingException {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    /** Which budget a rejected mail broke. */
    public enum Reason {
        /** More raw bytes than {@link MailLimits#maxRawBytes()}. */
        TOO_LARGE,
        /** Multiparts nested deeper than {@link MailLimits#maxDepth()}. */
        TOO_DEEP,
        /** More MIME parts than {@link MailLimits#maxParts()}. */
        TOO_MANY_PARTS,
        /** More header fields in one header than {@link MailLimits#maxHeaderCount()}. */
        TOO_MANY_HEADERS,
        /** One header field longer than {@link MailLimits#maxHeaderLength()}. */
        HEADER_TOO_LONG,
        /** One line longer than {@link MailLimits#maxLineLength()}. */
        LINE_TOO_LONG,
        /** An HTML body larger than {@link MailLimits#maxHtmlChars()}. */
        HTML_TOO_LARGE,
        /** More links in the HTML body than {@link MailLimits#maxLinks()}. */
        TOO_MANY_LINKS,
        /** Parsing took longer than {@link MailLimits#maxProcessingTime()}. */
        TOO_SLOW,
        /** The MIME parser gave up on the structure (after every lenient fallback). */
        UNPARSEABLE
    }

    /** Made by the parser's message catalogue; hosts catch it, they do not construct it. */
    public MailRejectedException(Reason reason, String message, @Nullable Throwable cause) {
        super(ErrorCode.MAIL_REJECTED, message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Which budget the mail broke. */
    public Reason reason() {
        return reason;
    }
}

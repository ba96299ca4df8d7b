package dev.tiketti.mail;

/**
 * What kind of sender a parsed mail comes from, so the host can decide whether to open a ticket,
 * thread it, or only record it (a machine must never start a mail loop with an auto-answer).
 *
 * <p>When several rules match, the first in this order wins: {@link #OWN_LOOP}, {@link #BOUNCE},
 * {@link #AUTO_REPLY}, {@link #LIST}, {@link #PERSONAL}.
 *
 * @since 0.1
 */
public enum MailKind {
    /** Written by a person, as far as the headers tell. */
    PERSONAL,
    /**
     * An automatic answer (out of office, "we received your message"): RFC 3834 {@code Auto-Submitted}
     * other than {@code no}, {@code X-Autoreply}, {@code X-Autorespond}, {@code X-Auto-Response-Suppress}
     * or {@code Precedence: auto_reply}.
     */
    AUTO_REPLY,
    /**
     * A delivery status notification (RFC 3464 {@code multipart/report; report-type=delivery-status}, or a
     * report whose returned part is only {@code text/rfc822-headers}, or mail from {@code MAILER-DAEMON});
     * {@link InboundMail#bounce()} tells which recipients failed and which message bounced.
     */
    BOUNCE,
    /** Mailing-list or bulk mail: {@code List-Id}, {@code List-Unsubscribe} or {@code Precedence: bulk/junk/list}. */
    LIST,
    /**
     * The host's own mail coming back: From is one of the parser's {@code ownAddresses(...)}, or the mail
     * carries an {@code X-Tiketti-*} header (which only Tiketti's own outgoing mail sets).
     */
    OWN_LOOP
}

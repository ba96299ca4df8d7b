package dev.tiketti.mail.internal;

import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.NotFoundException;
import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.common.TicketingException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Every message of the mail channel (receiving side): configuration, quarantine reasons, IMAP failures.
 * Names mailboxes, option names, ids and codes only; never a sender, a subject or a line of a mail.
 */
public final class IngestProblems {
    private IngestProblems() {
    }

    public static ConfigurationException optionTwice(String what, String option) {
        return new ConfigurationException(ErrorCode.INVALID_MAIL_CHANNEL, what + " cannot be built",
                List.of(String.format(Locale.ROOT, "option '%s' was set twice; set it once (credentials are a password "
                        + "or an OAuth2 token, not both)", option)));
    }

    public static ConfigurationException invalidOption(String what, String option, String value, String allowed) {
        return new ConfigurationException(ErrorCode.INVALID_MAIL_CHANNEL, what + " cannot be built",
                List.of(String.format(Locale.ROOT, "option '%s' is %s; use %s", option, value, allowed)));
    }

    public static String missing(String what, String call) {
        return String.format(Locale.ROOT, "%s needs %s", what, call);
    }

    public static String duplicateMailbox(String name) {
        return String.format(Locale.ROOT, "two mailboxes are named '%s'; give each its own name", name);
    }

    public static String noAttachmentStore() {
        return "the storage has no attachment store: raw mails must be kept; use a storage with attachments()";
    }

    public static String noMailStore() {
        return "the storage has no mail store: mailbox state and quarantine need Storage.mailStore()";
    }

    public static String noIdempotency() {
        return "the storage keeps no idempotency keys: exactly-once ingestion needs Storage.idempotency()";
    }

    public static ConfigurationException cannotBuild(String what, List<String> problems) {
        return new ConfigurationException(ErrorCode.INVALID_MAIL_CHANNEL, what + " cannot be built", problems);
    }

    public static TicketingException unknownMailbox(String name, Collection<String> known) {
        return new TicketingException(ErrorCode.UNKNOWN_MAILBOX, String.format(Locale.ROOT,
                "No mailbox '%s' in this mail channel; configured: %s. Add it with MailChannel.builder().mailbox(...) "
                        + "or correct the name.", name, known));
    }

    public static NotFoundException quarantinedMailNotFound(UUID id) {
        return new NotFoundException(ErrorCode.QUARANTINED_MAIL_NOT_FOUND, String.format(Locale.ROOT,
                "No quarantined mail %s: released, purged, or never there. List them with "
                        + "MailChannel.quarantined(mailbox, limit).", id));
    }

    public static String unknownSender() {
        return "The sender is not in the customer register and this channel quarantines unknown senders "
                + "(UnknownSenders.QUARANTINE). Register the contact, release the mail and ingest it again.";
    }

    public static String noSender() {
        return "The mail has no readable From address, so no requester can be found for it.";
    }

    public static String unreadable(Throwable cause) {
        return String.format(Locale.ROOT, "The parser failed on the mail (%s); the raw bytes are kept as they came.",
                cause.getClass().getSimpleName());
    }

    public static String refusedByCore(TicketingException cause) {
        return String.format(Locale.ROOT, "Core refused the change the mail asked for with %s (%s); fix the cause, "
                + "release the mail and ingest it again.", cause.code().id(), cause.code().name());
    }

    public static StorageUnavailableException mailboxUnavailable(String mailbox, Exception cause) {
        return new StorageUnavailableException(ErrorCode.MAILBOX_UNAVAILABLE, String.format(Locale.ROOT,
                "IMAP mailbox '%s' failed (%s); nothing is lost, the next pass fetches again what was not flagged. "
                        + "Check the server, the network and the credentials.", mailbox,
                cause.getClass().getSimpleName()), cause);
    }

    /** Shortens a reason to what a quarantine row holds. */
    public static String fit(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
    }
}

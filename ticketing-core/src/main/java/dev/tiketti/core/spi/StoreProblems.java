package dev.tiketti.core.spi;

import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.NotFoundException;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.common.TicketingException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The problems a store adapter reports to core, worded once so that every adapter (in memory, JPA,
 * a host's own) gives the same code and message for the same fault; also the messages of the SPI's
 * own values. Each method names the value, the problem and the fix, and returns the exception for
 * the caller to throw: {@code throw StoreProblems.ticketNotFound(id);}.
 *
 * @since 0.1
 */
public final class StoreProblems {
    private StoreProblems() {
    }

    /** {@code TICKET_NOT_FOUND}: no ticket has this id or key (e.g. an update of an erased ticket). */
    public static NotFoundException ticketNotFound(Object idOrKey) {
        return new NotFoundException(ErrorCode.TICKET_NOT_FOUND, "No ticket " + idOrKey
                + " exists. Check the id or key (e.g. HR-1042); tickets are never deleted except by erasure.");
    }

    /** {@code CONCURRENT_UPDATE}: the stored ticket is at {@code storedVersion}, the caller read {@code expectedVersion}. */
    public static ConcurrentUpdateException ticketChanged(TicketKey key, long storedVersion, long expectedVersion) {
        return new ConcurrentUpdateException("Ticket " + key + " was changed by someone else (version "
                + storedVersion + ", you had " + expectedVersion + "); reload it and try again.");
    }

    /** {@code DUPLICATE}: a ticket with this id or key is stored already. */
    public static TicketingException duplicateTicket(TicketKey key, TicketId id) {
        return duplicateTicket(key, id, null);
    }

    /** {@code DUPLICATE}, with the database's unique-key violation as the cause. */
    public static TicketingException duplicateTicket(TicketKey key, TicketId id, @Nullable Throwable cause) {
        return new TicketingException(ErrorCode.DUPLICATE, "Ticket " + key + " (" + id
                + ") already exists; open a new ticket with a new id and key.", cause);
    }

    /** {@code CONCURRENT_UPDATE}: another node published {@code workflowId} meanwhile; it is at {@code latest}. */
    public static ConcurrentUpdateException workflowVersionTaken(String workflowId, int latest, int version) {
        return workflowVersionTaken(workflowId, latest, version, null);
    }

    /** {@code CONCURRENT_UPDATE}, with the database's unique-key violation as the cause. */
    public static ConcurrentUpdateException workflowVersionTaken(String workflowId, int latest, int version,
                                                                 @Nullable Throwable cause) {
        String message = "Workflow '" + workflowId + "' is at version " + latest + "; version " + version
                + " cannot be stored. Publish it again to get the next version.";
        return cause == null ? new ConcurrentUpdateException(message) : new ConcurrentUpdateException(message, cause);
    }

    /**
     * {@code INVALID_TICKET_REWRITE}: a {@link TicketStore#rewrite} function changed what it must keep;
     * {@code broken} holds one of {@link #rewriteChangedIdentity}, {@link #rewriteChangedTimeline} and
     * {@link #rewriteChangedHistory} per broken rule.
     */
    public static TicketingException rewriteRefused(TicketKey key, TicketId id, List<String> broken) {
        return new TicketingException(ErrorCode.INVALID_TICKET_REWRITE, "The rewrite of ticket " + key + " (" + id
                + ") was refused and nothing was stored: " + String.join("; ", broken) + ". A rewrite may change "
                + "text, values, attachment references and the requester only.");
    }

    /** One broken rule of a rewrite: the ticket's identity. */
    public static String rewriteChangedIdentity(TicketId id, TicketKey key, long version) {
        return "the id, key and version must stay " + id + ", " + key + ", " + version;
    }

    /** One broken rule of a rewrite: the timeline's entries. */
    public static String rewriteChangedTimeline(int entries) {
        return "the timeline must keep its " + entries + " entries, their ids, ticket and order";
    }

    /** One broken rule of a rewrite: the history's entries. */
    public static String rewriteChangedHistory(int entries) {
        return "the history must keep its " + entries + " entries, their ticket and sequences";
    }

    /** {@code DUPLICATE}: an outbox entry id is appended twice (in one call, or again). */
    public static TicketingException outboxEntryAppendedTwice(String entryId) {
        return new TicketingException(ErrorCode.DUPLICATE, "Outbox entry " + entryId
                + " is appended twice: give every entry its own id.");
    }

    /** {@code INVALID_OPTION_VALUE}: an outbox claim for fewer than one entry. */
    public static TicketingException outboxClaimLimit(int limit) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "Limit " + limit
                + " is invalid: claim at least 1 outbox entry per call.");
    }

    /** {@code INVALID_OPTION_VALUE}: an outbox lease that is zero or negative. */
    public static TicketingException outboxLease(Duration lease) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "Lease " + lease
                + " is invalid: use a positive lease, longer than delivering an outbox entry takes.");
    }

    /** {@code INVALID_OPTION_VALUE}: an outbox entry rescheduled with a negative back-off. */
    public static TicketingException outboxRetryAfter(Duration retryAfter) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "Retry back-off " + retryAfter
                + " is invalid: reschedule an outbox entry with Duration.ZERO or a positive duration.");
    }

    /** {@code INVALID_OPTION_VALUE}: a listing of dead outbox entries for fewer than one entry. */
    public static TicketingException outboxListLimit(int limit) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "Limit " + limit
                + " is invalid: ask for at least 1 outbox entry.");
    }

    /** {@code INVALID_OPTION_VALUE}: a timer claim with a lease that is zero or negative. */
    public static TicketingException timerLease(Duration lease) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "Lease " + lease
                + " is invalid: claim timers with a positive lease, longer than a handler runs.");
    }

    /** {@code INVALID_OPTION_VALUE}: a timer claim for fewer than one timer. */
    public static TicketingException timerClaimLimit(int limit) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "Limit " + limit
                + " is invalid: claim at least 1 timer per call.");
    }

    /** {@code INVALID_OPTION_VALUE}: a listing of pending timers for fewer than one timer. */
    public static TicketingException timerListLimit(int limit) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "Limit " + limit
                + " is invalid: ask for at least 1 timer.");
    }

    /** {@code INVALID_OPTION_VALUE}: a negative back-off before a failed timer is retried. */
    public static TicketingException timerRetryBackoff(Duration retryAfter) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "Retry back-off " + retryAfter
                + " is invalid: use Duration.ZERO or a positive duration.");
    }

    /** {@code INCONSISTENT_VALUE}: a {@link TicketChange} whose ticket is not at the read version plus one. */
    static TicketingException changeVersion(long expectedVersion, long version) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "A ticket change must store version "
                + "expectedVersion + 1 = " + (expectedVersion + 1) + ", was " + version
                + ". Build the changed ticket from the one read, which adds one to its version.");
    }

    /** {@code INCONSISTENT_VALUE}: an {@link OutboxEntry} whose attempts are below one. */
    static TicketingException outboxAttempts(String entryId, int attempts) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "An outbox entry's attempts count from 1, was "
                + attempts + " for entry " + entryId + ". A store must return the count it was given, or 1 "
                + "for a new entry.");
    }

    /** {@code INCONSISTENT_VALUE}: the deliveries of one outbox entry name a recipient twice. */
    static TicketingException outboxRecipientTwice(String entryId, String recipient) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "The deliveries of outbox entry " + entryId
                + " name recipient '" + recipient + "' twice: record at most one delivery per recipient.");
    }

    /** {@code INCONSISTENT_VALUE}: an {@link OutboxDelivery} whose recipient name is too long to be kept. */
    static TicketingException outboxRecipientTooLong(int length) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "An outbox delivery's recipient has " + length
                + " characters; at most " + OutboxDelivery.MAX_RECIPIENT + " are kept. Give the listener a shorter "
                + "name (EventListener.name(), or Ticketing.builder().listener(name, listener)).");
    }

    /** {@code INCONSISTENT_VALUE}: an {@link OutboxDelivery} whose failure count does not fit its status. */
    static TicketingException outboxDeliveryFailures(String recipient, String status, int failures) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "The outbox delivery to '" + recipient + "' is "
                + status + " with " + failures + " failures: failures count from 0, and a DEAD delivery has at "
                + "least 1. A store must return the deliveries it was given.");
    }

    /** {@code INCONSISTENT_VALUE}: a FAILING or DEAD {@link OutboxDelivery} without its error and times. */
    static TicketingException outboxDeliveryWithoutError(String recipient, String status) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "The outbox delivery to '" + recipient + "' is "
                + status + " but names no error class or failure times: record them with every failed attempt "
                + "(OutboxDelivery.failing(...)).");
    }

    /** {@code INCONSISTENT_VALUE}: an {@link OutboxDelivery} error class or code that is blank or too long. */
    static TicketingException outboxDeliveryError(String recipient) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "The error of the outbox delivery to '"
                + recipient + "' is blank or too long: record the exception's class name (at most "
                + OutboxDelivery.MAX_ERROR_CLASS + " characters) and its ErrorCode id (at most "
                + OutboxDelivery.MAX_ERROR_CODE + "), never its message.");
    }

    /** {@code INCONSISTENT_VALUE}: an {@link OutboxDelivery} whose last failure is before its first. */
    static TicketingException outboxDeliveryTimes(String recipient) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "The outbox delivery to '" + recipient
                + "' failed last before it failed first: keep the first failure's time and update the last one.");
    }

    /** {@code CONSENT_REQUESTS_UNSUPPORTED}: the transport does not override {@code send(ConsentRequestMessage)}. */
    static TicketingException consentRequestsUnsupported(Class<?> transport) {
        return new TicketingException(ErrorCode.CONSENT_REQUESTS_UNSUPPORTED, "The outbound transport "
                + transport.getName() + " does not send consent requests: override "
                + "OutboundTransport.send(ConsentRequestMessage) in it, or use a transport that does.");
    }

    /** A key longer than an {@link IdempotencyStore} must accept. */
    public static TicketingException idempotencyKeyTooLong(int length) {
        return new TicketingException(ErrorCode.INVALID_IDENTIFIER, "An idempotency key has " + length
                + " characters; stores accept at most " + dev.tiketti.core.ticket.OpenTicket.MAX_IDEMPOTENCY_KEY_LENGTH
                + ". Hash a longer key (SHA-256 hex) before using it.");
    }

    /** {@link IdempotencyStore#record} of a key that is recorded already (never echoes the key). */
    public static TicketingException idempotencyKeyRecorded(@Nullable Throwable cause) {
        return new TicketingException(ErrorCode.DUPLICATE, "Recording an idempotency key failed: the key is recorded"
                + " already, by an earlier or a concurrent change. Nothing was written; Tiketti reads the recorded"
                + " change and returns its result.", cause);
    }

    // Mail store: values of its records; none of these repeats an address, a sender or a reason text.

    /** {@code INVALID_EMAIL_ADDRESS}: an address given to a {@link MailStore} (not repeated: personal data). */
    static TicketingException mailAddress(int length) {
        return new TicketingException(ErrorCode.INVALID_EMAIL_ADDRESS, "A mail store address (" + length
                + " characters) is not of the form local@domain without spaces, or is longer than "
                + MailStore.MAX_ADDRESS_LENGTH + " characters. Pass the bare address (no display name, no"
                + " angle brackets); it is not repeated here.");
    }

    /** {@code INVALID_IDENTIFIER}: a mailbox name longer than a store keeps. */
    static TicketingException mailboxTooLong(int length) {
        return new TicketingException(ErrorCode.INVALID_IDENTIFIER, "A mailbox name has " + length
                + " characters; stores keep at most " + MailboxState.MAX_MAILBOX_LENGTH
                + ". Name the mailbox by its account and folder, e.g. hr@example.fi/INBOX.");
    }

    /** {@code INVALID_OPTION_VALUE}: a UIDVALIDITY outside IMAP's non-zero unsigned 32-bit range. */
    static TicketingException mailUidValidity(long value) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "A mailbox state's uidValidity is " + value
                + "; IMAP's UIDVALIDITY is from 1 to " + MailboxState.MAX_UID
                + ". Save the value the server reported for the mailbox.");
    }

    /** {@code INVALID_OPTION_VALUE}: a highest UID outside IMAP's unsigned 32-bit range. */
    static TicketingException mailHighestUid(long value) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "A mailbox state's highestUid is " + value
                + "; IMAP's UIDs are from 1 to " + MailboxState.MAX_UID
                + " (0 before the first message). Save the UID of the last message processed.");
    }

    /** {@code INVALID_IDENTIFIER}: a quarantine message key longer than a store keeps. */
    static TicketingException mailMessageKeyTooLong(int length) {
        return new TicketingException(ErrorCode.INVALID_IDENTIFIER, "A quarantined mail's message key has " + length
                + " characters; stores keep at most " + QuarantinedMail.MAX_MESSAGE_KEY_LENGTH
                + ". Hash a longer key (SHA-256 hex) before using it.");
    }

    /** {@code INVALID_IDENTIFIER}: a quarantine reason code that is not an error code id. */
    static TicketingException mailReasonCode(String code) {
        return new TicketingException(ErrorCode.INVALID_IDENTIFIER, "A quarantined mail's reason code '" + code
                + "' is not an error code id like TKT-1003. Pass ErrorCode.id() of the reason.");
    }

    /** {@code INVALID_OPTION_VALUE}: a quarantine reason text longer than a store keeps. */
    static TicketingException mailReasonTooLong(int length) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "A quarantined mail's reason has " + length
                + " characters; stores keep at most " + QuarantinedMail.MAX_REASON_LENGTH
                + ". Give a short text with ids and limits only, never the mail's content.");
    }

    /** {@code INVALID_IDENTIFIER}: a raw message digest that is not lower-case hex SHA-256 (not repeated). */
    static TicketingException mailRawDigest(int length) {
        return new TicketingException(ErrorCode.INVALID_IDENTIFIER, "A quarantined mail's raw digest (" + length
                + " characters) is not a SHA-256 in lower-case hex (64 characters 0-9a-f). Use the key"
                + " AttachmentStore.put returned for the raw message.");
    }

    /** {@code INVALID_OPTION_VALUE}: a negative raw message size. */
    static TicketingException mailRawSize(long size) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "A quarantined mail's raw size is " + size
                + " bytes; sizes are 0 or more. Pass the length of the raw message stored.");
    }

    /** {@code INCONSISTENT_VALUE}: an address failure whose last failure is before its first. */
    static TicketingException mailFailureTimes() {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "An address failure failed last before it failed"
                + " first: a store keeps the earliest failure as first and the latest as last.");
    }

    /** {@code INCONSISTENT_VALUE}: an address failure counted below one. */
    static TicketingException mailFailureCount(int failures) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "An address failure has " + failures
                + " failures; a mark exists only after a first failure, so it counts from 1.");
    }

    /** {@code INVALID_OPTION_VALUE}: a DSN status longer than a store keeps. */
    static TicketingException mailStatusTooLong(int length) {
        return new TicketingException(ErrorCode.INVALID_OPTION_VALUE, "A delivery status has " + length
                + " characters; stores keep at most " + AddressFailure.MAX_STATUS_LENGTH
                + ". Pass the DSN status code (e.g. 5.1.1), not the diagnostic text.");
    }

    /** {@code INCONSISTENT_VALUE}: a negative count in a {@link ForgottenMail}. */
    static TicketingException mailForgottenCounts(int addressFailures, int brakeCounts) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "Forgotten mail counts " + addressFailures
                + " failure marks and " + brakeCounts + " automatic-mail records; counts are 0 or more.");
    }

    /** {@code INVALID_QUERY}: a quarantine listing limit below one. */
    public static TicketingException mailListLimit(int limit) {
        return new TicketingException(ErrorCode.INVALID_QUERY, "A quarantine listing's limit is " + limit
                + "; list at least 1 message.");
    }

    /** {@code DUPLICATE}: a quarantined mail's id is stored already under another message key. */
    public static TicketingException mailQuarantineIdTaken(UUID id, @Nullable Throwable cause) {
        return new TicketingException(ErrorCode.DUPLICATE, "Quarantined mail " + id + " is stored already under"
                + " another message key. Give each quarantined message a new id (UUID.randomUUID()).", cause);
    }
}

package dev.tiketti.core.ticket;

import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.TicketingException;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The messages of the ticket values: keys of their parts, field declarations, queries, entries.
 * Each method names the value, the problem and the fix. Package-private: not API.
 */
final class TicketMessages {
    private TicketMessages() {
    }

    static TicketingException attachmentDigestInvalid() {
        return new TicketingException(ErrorCode.INVALID_IDENTIFIER,
                "Attachment reference must be a lower-case hex SHA-256 (64 characters); "
                        + "store the content with AttachmentStore.put(...) and use the digest it returns.");
    }

    static TicketingException attachmentSizeNegative(long size) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "Attachment size must not be negative, was "
                + size + ". Use the size of the stored content in bytes (AttachmentStore.put returns it).");
    }

    static TicketingException sizeConstraintInvalid(int min, int max) {
        return new TicketingException(ErrorCode.INVALID_TICKET_TYPE,
                "Size constraint needs 0 <= min <= max, was min=" + min + ", max=" + max + ". Swap or correct the bounds.");
    }

    static TicketingException patternConstraintInvalid(String regex, String description) {
        return new TicketingException(ErrorCode.INVALID_TICKET_TYPE, "Pattern constraint '" + regex
                + "' is not a valid regular expression: " + description + ". Correct it (java.util.regex syntax).");
    }

    static TicketingException noAllowedValues() {
        return new TicketingException(ErrorCode.INVALID_TICKET_TYPE,
                "AllowedValues needs at least one value: list the values the field accepts, "
                        + "e.g. FieldDefinition.choice(\"reason\", \"illness\", \"holiday\").");
    }

    static TicketingException allowedValueTwice(String field, String value) {
        return new TicketingException(ErrorCode.INVALID_TICKET_TYPE, "Field '" + field + "' lists the allowed value '"
                + value + "' twice: list each value once.");
    }

    static TicketingException historySequenceBelowOne(long sequence) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "A history entry's sequence starts from 1, was "
                + sequence + ". A store must return the sequences it was given (the ticket version each entry made).");
    }

    static TicketingException ticketVersionBelowOne(long version) {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE, "A ticket's version starts from 1, was " + version
                + ". A store must return the version it was given; a new ticket is version 1.");
    }

    static TicketingException publicInternalNote() {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE,
                "An internal note cannot be public; use NewEntry.reply(...) to tell the requester.");
    }

    static TicketingException publicInternalNoteStored() {
        return new TicketingException(ErrorCode.INCONSISTENT_VALUE,
                "An internal note cannot be public; use an outbound reply to tell the requester.");
    }

    static TicketingException unassignedOfAssignee() {
        return new TicketingException(ErrorCode.INVALID_QUERY,
                "A query cannot ask for unassigned tickets of an assignee: use either assignee(...) or unassigned().");
    }

    static TicketingException queryLimitBelowOne(int limit) {
        return new TicketingException(ErrorCode.INVALID_QUERY, "A query's limit must be at least 1, was " + limit
                + ". Pass the page size, e.g. TicketQuery.all().limit(50).");
    }

    // Field rule violations, worded as Jakarta Validation's default messages (FieldConstraint.check)

    static String sizeViolated(int min, int max) {
        return "size must be between " + min + " and " + max;
    }

    static String patternViolated(String regex) {
        return "must match \"" + regex + "\"";
    }

    static String minViolated(BigDecimal min) {
        return "must be greater than or equal to " + min.toPlainString();
    }

    static String maxViolated(BigDecimal max) {
        return "must be less than or equal to " + max.toPlainString();
    }

    static String notAllowed(Set<String> allowed) {
        return "must be one of " + allowed;
    }

    static TicketingException expectedVersionBelowOne(long version) {
        return new TicketingException(ErrorCode.IMPOSSIBLE_VERSION, "The expected version " + version
                + " is impossible: ticket versions start at 1. Pass the version() of the ticket you read.");
    }

    /** {@code key} stripped, if it is a usable idempotency key; otherwise INVALID_IDENTIFIER. */
    static String checkedIdempotencyKey(String key) {
        String k = key.strip();
        boolean control = k.chars().anyMatch(Character::isISOControl);
        if (k.isEmpty() || k.length() > OpenTicket.MAX_IDEMPOTENCY_KEY_LENGTH || control) {
            // the key is not echoed: a host may have built it from a Message-ID or an address
            throw new TicketingException(ErrorCode.INVALID_IDENTIFIER, "An idempotency key must be 1-"
                    + OpenTicket.MAX_IDEMPOTENCY_KEY_LENGTH + " characters without control characters;"
                    + " this one has " + k.length() + (control ? " and control characters" : "") + ". Build it from"
                    + " stable ids, e.g. \"mail:\" + mailbox + \":\" + messageId, and hash a longer one (SHA-256 hex).");
        }
        return k;
    }
}

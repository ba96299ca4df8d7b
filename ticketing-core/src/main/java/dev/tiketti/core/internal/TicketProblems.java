package dev.tiketti.core.internal;

import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.FieldViolation;
import dev.tiketti.core.common.NotFoundException;
import dev.tiketti.core.common.TicketId;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.common.TransitionRejectedException;
import dev.tiketti.core.common.ValidationException;
import dev.tiketti.core.spi.StoreProblems;
import dev.tiketti.core.ticket.FieldKind;
import dev.tiketti.core.ticket.StateCategory;
import java.util.Collection;
import java.util.List;

/**
 * The problems of the ticket flows (open, transition, update, query) and of the lookups they make.
 * Each method names the value, the problem and the fix, and returns the exception to throw. Not API.
 */
public final class TicketProblems {
    private TicketProblems() {
    }

    public static NotFoundException ticketNotFound(Object idOrKey) {
        return StoreProblems.ticketNotFound(idOrKey);
    }

    /** The caller's {@code expectedVersion} is older than the stored ticket: the same words as a store's. */
    public static ConcurrentUpdateException ticketChanged(TicketKey key, long storedVersion, long expectedVersion) {
        return StoreProblems.ticketChanged(key, storedVersion, expectedVersion);
    }

    public static NotFoundException typeNotFound(String typeId, Collection<String> known) {
        return new NotFoundException(ErrorCode.TICKET_TYPE_NOT_FOUND, "Ticket type '" + typeId
                + "' is not defined. Defined types: " + known + ". Define it with ticketing.definitions().defineType(...).");
    }

    public static NotFoundException workflowNotFound(String workflowId) {
        return new NotFoundException(ErrorCode.WORKFLOW_NOT_FOUND, "Workflow '" + workflowId
                + "' has not been published. Publish it with ticketing.definitions().publishWorkflow(...) before using it.");
    }

    public static NotFoundException workflowVersionNotFound(String workflowId, int version, TicketId ticket) {
        return new NotFoundException(ErrorCode.WORKFLOW_NOT_FOUND, "Ticket " + ticket + " follows version " + version
                + " of workflow '" + workflowId + "', which the definition store does not hold. "
                + "Restore that version in the store; published versions must never be deleted.");
    }

    public static NotFoundException attachmentNotFound(String sha256) {
        return new NotFoundException(ErrorCode.ATTACHMENT_NOT_FOUND, "No attachment content with digest " + sha256
                + " is stored. Store it with ticketing.attachments().store(...) and use the reference it returns.");
    }

    public static TicketingException attachmentsWithoutBody(String typeId) {
        return new TicketingException(ErrorCode.ATTACHMENT_WITHOUT_BODY, "A ticket of type '" + typeId
                + "' opened with attachments needs a body: attachments belong to the first message. "
                + "Add OpenTicket.body(...).");
    }

    public static ValidationException notOpened(String typeId, List<FieldViolation> violations) {
        return new ValidationException(ErrorCode.VALIDATION_FAILED, "Ticket of type '" + typeId + "' was not opened",
                violations);
    }

    public static ValidationException notChanged(TicketKey key, List<FieldViolation> violations) {
        return new ValidationException(ErrorCode.VALIDATION_FAILED, "Ticket " + key + " was not changed", violations);
    }

    public static TicketingException unknownTransition(String transition, Object key, String state,
                                                       Collection<String> available) {
        return new TicketingException(ErrorCode.UNKNOWN_TRANSITION, "Transition '" + transition
                + "' cannot be taken from state '" + state + "' of ticket " + key + ". Available from '" + state
                + "': " + available + ".");
    }

    public static TransitionRejectedException transitionRefused(String transition, TicketKey key, List<String> reasons) {
        return new TransitionRejectedException(transition, key, reasons);
    }

    /** A refusal reason: a transition that assigns whoever takes it, taken by someone who is no agent. */
    public static String onlyAnAgentCanTake(Object actor) {
        return "this transition assigns the ticket to whoever takes it, so a handler must take it, not " + actor;
    }

    public static TicketingException ticketInUndeclaredState(Object key, String state, String workflowId, int version,
                                                             Collection<String> states) {
        return new TicketingException(ErrorCode.UNKNOWN_STATE, "Ticket " + key + " is in state '" + state
                + "', which version " + version + " of workflow '" + workflowId + "' does not declare (its states are "
                + states + "). The definition store no longer holds the version the ticket was opened with: restore "
                + "it; published versions must never be changed.");
    }

    public static TicketingException unknownState(String state, String workflowId, int version,
                                                  Collection<String> states) {
        return new TicketingException(ErrorCode.UNKNOWN_STATE, "State '" + state + "' does not exist in version "
                + version + " of workflow '" + workflowId + "'. Its states are " + states
                + "; pass a state mapping that names one of them.");
    }

    public static TicketingException noStateCategory() {
        return new TicketingException(ErrorCode.INVALID_QUERY,
                "A query by state category needs at least one category; use query(TicketQuery) for any state.");
    }

    /** {@code first} and {@code second} name the workflow versions, e.g. {@code 'hr' version 2}. */
    public static TicketingException ambiguousStateCategory(String state, StateCategory firstCategory, String first,
                                                            StateCategory secondCategory, String second) {
        return new TicketingException(ErrorCode.AMBIGUOUS_STATE_CATEGORY, "State '" + state + "' is " + firstCategory
                + " in workflow " + first + " but " + secondCategory + " in workflow " + second + ", so a query by "
                + "category cannot tell its tickets apart: query by state names with TicketQuery.states(...) "
                + "and team or type, or rename one of the states.");
    }

    // Field violations ({@link FieldViolation#message()}): the field's name goes before them

    public static String unstorableText(String problem) {
        return "has a character no store keeps faithfully (" + problem + "): remove control characters other "
                + "than tab and line breaks, and unpaired surrogates (StorableText.clean(...) does)";
    }

    public static ValidationException entryNotAdded(TicketId ticket, List<FieldViolation> violations) {
        return new ValidationException(ErrorCode.VALIDATION_FAILED, "No entry was added to ticket " + ticket,
                violations);
    }

    public static String fieldRequired() {
        return "is required: give a value";
    }

    public static String requiredFieldCleared() {
        return "is required and cannot be cleared";
    }

    public static String notAField(String typeId, List<String> fields) {
        return "is not a field of type '" + typeId + "'; its fields are " + fields;
    }

    /** Says what kind of value was given in the words people use: never a Java class name, never the value. */
    public static String wrongKind(FieldKind kind, Object raw) {
        return "must be " + kind.expected() + ", but " + given(raw);
    }

    private static String given(Object raw) {
        if (raw instanceof CharSequence) {
            return "the text given is not one";
        }
        if ((raw instanceof Double d && !Double.isFinite(d)) || (raw instanceof Float f && !Float.isFinite(f))) {
            return "a number that is not finite (NaN or infinity) was given";
        }
        if (raw instanceof Number) {
            return "a number was given";
        }
        if (raw instanceof Boolean) {
            return "true or false was given";
        }
        if (raw instanceof java.time.temporal.TemporalAccessor) {
            return "a date or time was given";
        }
        if (raw instanceof dev.tiketti.core.common.ContactId) {
            return "a contact id was given";
        }
        return "a value of another kind was given";
    }

    /** A version above the stored one cannot come from a read of this ticket, so retrying cannot help. */
    public static TicketingException versionNeverExisted(TicketKey key, long storedVersion, long expectedVersion) {
        return new TicketingException(ErrorCode.IMPOSSIBLE_VERSION, "Ticket " + key + " is at version "
                + storedVersion + " and has never had version " + expectedVersion + ", so the change was refused; "
                + "retrying will not help. Read the ticket again and pass its version().");
    }

    /** A keyed change without an {@code IdempotencyStore}. */
    public static TicketingException idempotencyUnsupported() {
        return new TicketingException(ErrorCode.IDEMPOTENCY_UNSUPPORTED, "This change carries an idempotency key, but"
                + " the storage keeps no record of keys. Wire one with Ticketing.builder().idempotencyStore(...) (JpaStorage"
                + " and InMemoryStorage provide one), or make the change without a key.");
    }

    /** A key that opened a ticket, used again to add an entry (never echoes the key). */
    public static TicketingException idempotencyKeyOpened(TicketId opened, TicketId requested) {
        return keyReused("opening ticket " + opened, "add an entry to ticket " + requested);
    }

    /** A key that added an entry, used again to open a ticket. */
    public static TicketingException idempotencyKeyAddedNotOpened(TicketId addedTo) {
        return keyReused("adding an entry to ticket " + addedTo, "open a new ticket");
    }

    /** A key that added an entry to one ticket, used again to add to another. */
    public static TicketingException idempotencyKeyAddedElsewhere(TicketId addedTo, TicketId requested) {
        return keyReused("adding an entry to ticket " + addedTo, "add an entry to ticket " + requested);
    }

    private static TicketingException keyReused(String recorded, String requested) {
        return new TicketingException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "This idempotency key was recorded when "
                + recorded + "; it is now used to " + requested + ". A key names one change: build it from the"
                + " change's own ids (e.g. the mailbox and the Message-ID), so that different changes never share one.");
    }
}

package dev.tiketti.core.internal;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.NotFoundException;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.privacy.ConsentId;
import dev.tiketti.core.privacy.ConsentRequest;
import dev.tiketti.core.privacy.ConsentRequestId;
import dev.tiketti.core.privacy.ErasureId;
import dev.tiketti.core.privacy.PurposeId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The problems of the privacy flows: the customer register, consents and consent requests,
 * erasure and retention, the right of access. Each method names the ids involved (never personal
 * data), the problem and the fix, and returns the exception to throw. Not API.
 */
public final class PrivacyProblems {
    private PrivacyProblems() {
    }

    // Register

    public static NotFoundException contactNotFound(Object contactId) {
        return new NotFoundException(ErrorCode.CONTACT_NOT_FOUND, "No contact " + contactId
                + " exists. Register the contact with ticketing.privacy().register().save(...) first.");
    }

    public static NotFoundException organizationNotFound(OrganizationId id) {
        return new NotFoundException(ErrorCode.ORGANIZATION_NOT_FOUND, "No organisation " + id
                + " exists. Save the organisation before adding members to it.");
    }

    /** {@code owner} is the contact or organisation ({@link ContactId} or {@link OrganizationId}) naming it. */
    public static TicketingException substituteNotRegistered(Object owner, ContactId substitute) {
        return new TicketingException(ErrorCode.INVALID_SUBSTITUTE, owner(owner) + " names substitute " + substitute
                + ", which is not in the register. Register the substitute first or name another contact.");
    }

    /** {@code owner} is the contact or organisation ({@link ContactId} or {@link OrganizationId}) naming it. */
    public static TicketingException substituteInactive(Object owner, ContactId substitute) {
        return new TicketingException(ErrorCode.INVALID_SUBSTITUTE, owner(owner) + " names substitute " + substitute
                + ", who is inactive. Name an active contact.");
    }

    private static String owner(Object owner) {
        return (owner instanceof OrganizationId ? "Organisation " : "Contact ") + owner;
    }

    // Consent

    public static NotFoundException consentNotFound(ConsentId id) {
        return new NotFoundException(ErrorCode.CONSENT_NOT_FOUND, "No consent record " + id
                + " exists. Check the id; records are only removed by erasure.");
    }

    public static TicketingException consentWithdrawn(ConsentId id, ContactId contact, PurposeId purpose,
                                                      Instant withdrawnAt) {
        return new TicketingException(ErrorCode.CONSENT_WITHDRAWN, "Consent " + id + " of contact " + contact
                + " for purpose '" + purpose + "' was withdrawn at " + withdrawnAt + " and is no basis for processing. "
                + "Record a new consent or another legal basis.");
    }

    public static TicketingException everyConsentWithdrawn(ContactId contact, PurposeId purpose) {
        return new TicketingException(ErrorCode.CONSENT_WITHDRAWN, "Contact " + contact
                + " has withdrawn every consent for purpose '" + purpose + "'; there is no basis to process "
                + "their data for it. Record a new consent or another legal basis first.");
    }

    public static TicketingException noLegalBasis(ContactId contact, PurposeId purpose) {
        return new TicketingException(ErrorCode.NO_LEGAL_BASIS, "No legal basis is recorded for contact " + contact
                + " and purpose '" + purpose + "'. Ask for consent or record the contract or other basis first.");
    }

    public static TicketingException unknownPurpose(PurposeId purpose, Collection<String> registered) {
        return new TicketingException(ErrorCode.UNKNOWN_CONSENT_PURPOSE, "Purpose '" + purpose
                + "' is not registered. Registered purposes: " + registered
                + ". Register it with privacy().consents().registerPurpose(...) first.");
    }

    public static TicketingException unknownPurposeOfRead(PurposeId purpose, Collection<String> registered) {
        return new TicketingException(ErrorCode.UNKNOWN_CONSENT_PURPOSE, "Purpose '" + purpose + "' is not "
                + "registered, so a read for it cannot be justified. Registered purposes: " + registered
                + ". Register it with privacy().consents().registerPurpose(...) first.");
    }

    // Consent requests

    public static TicketingException requestToInactiveContact(ContactId contact) {
        return new TicketingException(ErrorCode.INVALID_CONSENT_REQUEST, "Contact " + contact + " is inactive "
                + "(deactivated or erased); no consent request is sent to them. Reactivate the contact first.");
    }

    public static TicketingException requestToContactWithoutEmail(ContactId contact) {
        return new TicketingException(ErrorCode.INVALID_CONSENT_REQUEST, "Contact " + contact + " has no e-mail "
                + "address to send a consent request to. Add one to the contact, or ask by another channel and "
                + "record the answer with privacy().consents().record(...).");
    }

    public static TicketingException requestAddressMalformed() {
        return new TicketingException(ErrorCode.INVALID_CONSENT_REQUEST, "The address to send the consent request to "
                + "is not of the form local@domain (it is not repeated here). Correct it.");
    }

    public static TicketingException requestNotSent(ConsentRequestId request, Throwable cause) {
        return new TicketingException(ErrorCode.CONSENT_REQUEST_NOT_SENT, "The consent request " + request
                + " could not be sent (" + cause.getClass().getSimpleName() + "); it was not kept. Try again later.",
                cause);
    }

    public static TicketingException tokenNotFound() {
        return new TicketingException(ErrorCode.CONSENT_REQUEST_NOT_FOUND, "No consent request has this reply token "
                + "(the token is not repeated here). Check that the whole token was copied from the reply; a request "
                + "whose mail could not be sent, or of an erased person, is gone: send a new request.");
    }

    public static TicketingException requestAnswered(ConsentRequestId request, ConsentRequest.Status status,
                                                     Instant answeredAt) {
        return new TicketingException(ErrorCode.CONSENT_REQUEST_ANSWERED, "Consent request " + request
                + " was already answered (" + status + " at " + answeredAt + "); its token is single use. "
                + "To change the answer, send a new request or withdraw the consent.");
    }

    public static TicketingException requestAnsweredMeanwhile(ConsentRequestId request) {
        return new TicketingException(ErrorCode.CONSENT_REQUEST_ANSWERED, "Consent request " + request
                + " was answered by another call at the same time; its token is single use. Nothing more was "
                + "recorded.");
    }

    public static TicketingException requestExpired(ConsentRequestId request, Instant expiresAt) {
        return new TicketingException(ErrorCode.CONSENT_REQUEST_EXPIRED, "Consent request " + request
                + " expired at " + expiresAt + "; an answer after that is not recorded. Send a new request.");
    }

    public static TicketingException inactiveContactAnswered(ContactId contact, ConsentRequestId request) {
        return new TicketingException(ErrorCode.INVALID_CONSENT_REQUEST, "Contact " + contact + " answered "
                + "consent request " + request + " but is inactive (deactivated or erased); nothing was "
                + "recorded. Reactivate the contact and send a new request if that is intended.");
    }

    public static TicketingException answerWithoutName(ConsentRequestId request) {
        return new TicketingException(ErrorCode.INVALID_CONSENT_ANSWER, "Consent request " + request
                + " went to an address not in the register, so a given answer must include the person's name. "
                + "Nothing was recorded; ask for the name and answer again with ConsentAnswer.withName(...).");
    }

    public static TicketingException answerAddressMalformed() {
        return new TicketingException(ErrorCode.INVALID_CONSENT_ANSWER, "The e-mail address in the answer is not of "
                + "the form local@domain (it is not repeated here). Correct it.");
    }

    /** {@code cause} is the contact's own refusal of the details; only its code is repeated. */
    public static TicketingException answerDetailsInvalid(ConsentRequestId request, TicketingException cause) {
        return new TicketingException(ErrorCode.INVALID_CONSENT_ANSWER, "The contact details in the answer to "
                + "consent request " + request + " are invalid (" + cause.code().id() + "); nothing was recorded. "
                + "Correct them (they are not repeated here) and answer again.", cause);
    }

    // Erasure and retention

    public static TicketingException erasureOfAnotherContact(ErasureId erasure) {
        return new TicketingException(ErrorCode.DUPLICATE, "Erasure " + erasure
                + " was started for another contact; use a new ErasureRequest id for this one.");
    }

    public static TicketingException erasureIncomplete(ErasureId erasure, ContactId contact, Throwable cause) {
        return new TicketingException(ErrorCode.ERASURE_INCOMPLETE, "Erasure " + erasure + " of contact " + contact
                + " stopped midway (" + cause.getClass().getSimpleName() + ") and is recorded as PARTIAL with what it "
                + "did so far. Run the same request again when the cause is fixed; it resumes.", cause);
    }

    public static TicketingException erasureOwnSubstitute(ContactId contact) {
        return new TicketingException(ErrorCode.INVALID_SUBSTITUTE, "Erasure of contact " + contact
                + " names the person as their own substitute. Name another, active contact.");
    }

    public static TicketingException erasureSubstituteNotRegistered(ContactId contact, ContactId substitute) {
        return new TicketingException(ErrorCode.INVALID_SUBSTITUTE, "Erasure of contact " + contact
                + " names substitute " + substitute + ", which is not in the register. Register the substitute "
                + "first or name another contact.");
    }

    public static TicketingException erasureSubstituteInactive(ContactId contact, ContactId substitute) {
        return new TicketingException(ErrorCode.INVALID_SUBSTITUTE, "Erasure of contact " + contact
                + " names substitute " + substitute + ", who is inactive. Name an active contact.");
    }

    public static TicketingException noSubstitute(ContactId contact) {
        return new TicketingException(ErrorCode.NO_SUBSTITUTE, "Contact " + contact + " has open tickets "
                + "but no substitute: none was named, the contact has no active substitute and none of their "
                + "organisations has an active default. Name one with ErasureRequest.withSubstitute(...).");
    }

    /** One unfinished erasure of a replay, for {@link #replayIncomplete}. */
    public static String replayFailure(ErasureId erasure, ErrorCode code) {
        return erasure + " (" + code.id() + ")";
    }

    public static TicketingException replayIncomplete(List<String> failed) {
        return new TicketingException(ErrorCode.ERASURE_INCOMPLETE, "Replaying the erasure journal left "
                + failed.size() + " erasure(s) unfinished: " + failed + ". The others were replayed. Fix the cause "
                + "shown by each code (e.g. name an active substitute) and replay again.");
    }

    public static TicketingException retentionTwice(String typeId) {
        return new TicketingException(ErrorCode.INVALID_RETENTION, "Type '" + typeId + "' has more than "
                + "one retention schedule; give each type one. Nothing was swept.");
    }
}

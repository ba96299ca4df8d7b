package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A request sent to a person asking for their contact details and consent for one purpose (R8):
 * whom it went to, the consent wording and version that were sent, when it expires and, once
 * answered, how. The reply token itself is never kept: only its SHA-256 digest
 * ({@code tokenDigest}), so a copy of the store cannot be used to answer for anyone.
 *
 * @param contact the registered contact asked, or empty when the address belongs to nobody in the
 *        register yet (a given answer then registers them)
 * @param email the address the request was sent to
 * @param text the consent wording sent, recorded with the consent when given
 * @param textVersion the version of that wording
 * @param tokenDigest lower-case hex SHA-256 of the reply token
 * @param consent the consent recorded from a given answer
 * @since 0.1
 */
public record ConsentRequest(ConsentRequestId id, Optional<ContactId> contact, String email, PurposeId purpose,
                             String text, String textVersion, Actor requestedBy, Instant sentAt, Instant expiresAt,
                             String tokenDigest, Status status, Optional<Instant> answeredAt,
                             Optional<String> evidence, Optional<ConsentId> consent) {

    /** Where a request stands; only {@code PENDING} can be answered. */
    public enum Status { PENDING, GIVEN, REFUSED }

    public ConsentRequest {
        Require.nonNull(id, "consent request id");
        Require.nonNull(contact, "contact");
        email = Require.notBlank(email, "e-mail address").strip().toLowerCase(Locale.ROOT);
        Require.nonNull(purpose, "purpose");
        text = Require.notBlank(text, "consent text").strip();
        textVersion = Require.notBlank(textVersion, "consent text version").strip();
        Require.nonNull(requestedBy, "requested by");
        Require.nonNull(sentAt, "sent at");
        Require.nonNull(expiresAt, "expires at");
        Require.argument(expiresAt.isAfter(sentAt), () -> PrivacyMessages.requestExpiresBeforeSent(id, expiresAt, sentAt));
        Require.argument(tokenDigest != null && tokenDigest.matches("[0-9a-f]{64}"),
                () -> PrivacyMessages.requestTokenDigest(id));
        Require.nonNull(status, "status");
        Require.nonNull(answeredAt, "answered at");
        Require.nonNull(evidence, "evidence");
        Require.nonNull(consent, "consent");
        if ((status == Status.PENDING) != answeredAt.isEmpty() || (status == Status.PENDING) != evidence.isEmpty()) {
            throw PrivacyMessages.requestAnswerState(id, status, answeredAt.isPresent(), evidence.isPresent());
        }
        Require.argument(consent.isEmpty() || status == Status.GIVEN,
                () -> PrivacyMessages.requestConsentNotGiven(id, consent, status));
        evidence.ifPresent(e -> Require.notBlank(e, "evidence reference"));
    }

    /** A new pending request. */
    public static ConsentRequest pending(ConsentRequestId id, Optional<ContactId> contact, String email,
                                         PurposeId purpose, String text, String textVersion, Actor requestedBy,
                                         Instant sentAt, Instant expiresAt, String tokenDigest) {
        return new ConsentRequest(id, contact, email, purpose, text, textVersion, requestedBy, sentAt, expiresAt,
                tokenDigest, Status.PENDING, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean pending() {
        return status == Status.PENDING;
    }

    /** Whether the token can no longer be used at {@code now} (the expiry instant itself is too late). */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** This request answered: given (with the consent recorded, for {@code who}) or refused. */
    public ConsentRequest answered(Status outcome, Instant at, String evidenceRef, Optional<ContactId> who,
                                   Optional<ConsentId> recorded) {
        Require.argument(outcome != Status.PENDING, PrivacyMessages::pendingAnswer);
        return new ConsentRequest(id, who.isPresent() ? who : contact, email, purpose, text, textVersion, requestedBy,
                sentAt, expiresAt, tokenDigest, outcome, Optional.of(at), Optional.of(evidenceRef), recorded);
    }

    /** Ids and state only: never the address. */
    @Override
    public String toString() {
        return "ConsentRequest[" + id + ", " + purpose + ", " + status + "]";
    }
}

package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ContactId;
import java.util.Optional;

/**
 * Consent and other legal bases, from {@code privacy().consents()}: purposes, records of a basis,
 * withdrawal, and consent requests mailed to a person with a single-use reply token.
 *
 * @since 0.1
 */
public interface Consents {

    ConsentPurpose registerPurpose(ConsentPurpose purpose);

    /** Records a legal basis of a registered contact for a registered purpose, timed by the clock. */
    Consent record(ContactId contact, PurposeId purpose, LegalBasis basis, String text, String textVersion,
                   Channel channel, Optional<String> evidence);

    /** Withdraws a consent now; withdrawing again keeps the first time. */
    Consent withdraw(ConsentId id);

    /** The record in effect that allows processing the contact's data for the purpose, or a clear error. */
    Consent requireBasis(ContactId contact, PurposeId purpose);

    /** The purpose that opening tickets and sending to contacts needs a basis for, if the rule is on. */
    Optional<PurposeId> legalBasisRule();

    /** The privacy-notice URL offered to templates as {@code {privacyNoticeUrl}}, if configured. */
    Optional<String> privacyNoticeUrl();

    /**
     * Mails a registered, active contact (to their first address) through the outbound transport,
     * asking them to check their contact details and to consent to a registered purpose with the
     * given wording, with a new single-use reply token that expires after the configured validity.
     * Bad input fails before anything is kept; if the transport fails nothing is kept either
     * ({@code CONSENT_REQUEST_NOT_SENT}, retryable).
     */
    ConsentRequest request(ContactId contact, PurposeId purpose, String text, String textVersion, Actor requestedBy);

    /**
     * As above for an e-mail address: the registered contact with that address if there is one,
     * else a person not in the register yet, whom a given answer (with their name) registers.
     */
    ConsentRequest request(String email, PurposeId purpose, String text, String textVersion, Actor requestedBy);

    /**
     * Records the answer that came back with {@code token}. Given: the contact is updated with the
     * details sent (or registered) and a {@link Consent} is recorded with the wording and version
     * that were <em>sent</em>. Refused: nothing is recorded but the request is closed. Either way
     * the token cannot be used again. An unknown, expired or used token fails with
     * {@code CONSENT_REQUEST_NOT_FOUND}, {@code _EXPIRED} or {@code _ANSWERED} and changes nothing.
     */
    ConsentRequest answer(String token, ConsentAnswer answer);
}

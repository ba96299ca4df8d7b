package dev.tiketti.core.privacy;

import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of a legal basis for processing one contact's data for one purpose (R8): the basis
 * (GDPR art. 6), the wording shown and its version, how and when it was given, the evidence (e.g.
 * the id of the message that carried the answer) and, once withdrawn, when.
 *
 * <p>A record is never edited: withdrawal returns a copy with {@code withdrawnAt}, so the history of
 * what the person agreed to stays provable.
 *
 * @param text the wording the person was shown (for bases other than consent: the notice given)
 * @param textVersion the version of that wording, e.g. {@code 2024-05}
 * @param evidence a reference to the proof, e.g. {@code message:<id>} or a signed form's id; never
 *        the proof's content
 * @since 0.1
 */
public record Consent(ConsentId id, ContactId contact, PurposeId purpose, LegalBasis basis, String text,
                      String textVersion, Channel channel, Instant recordedAt, Optional<String> evidence,
                      Optional<Instant> withdrawnAt) {
    public Consent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(basis, "basis");
        text = Require.notBlank(text, "consent text").strip();
        textVersion = Require.notBlank(textVersion, "consent text version").strip();
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(evidence, "evidence");
        evidence.ifPresent(e -> Require.notBlank(e, "evidence reference"));
        Objects.requireNonNull(withdrawnAt, "withdrawnAt");
        if (withdrawnAt.isPresent() && withdrawnAt.get().isBefore(recordedAt)) {
            throw PrivacyMessages.withdrawnBeforeRecorded(id, withdrawnAt.get(), recordedAt);
        }
    }

    /** A new, not withdrawn record. */
    public static Consent given(ContactId contact, PurposeId purpose, LegalBasis basis, String text,
                                String textVersion, Channel channel, Instant recordedAt, Optional<String> evidence) {
        return new Consent(ConsentId.random(), contact, purpose, basis, text, textVersion, channel, recordedAt,
                evidence, Optional.empty());
    }

    /** Whether the record still stands (not withdrawn). */
    public boolean inEffect() {
        return withdrawnAt.isEmpty();
    }

    /**
     * This record withdrawn at {@code at}; a record already withdrawn is returned unchanged, so
     * withdrawing twice is harmless and keeps the first time.
     */
    public Consent withdrawn(Instant at) {
        Require.nonNull(at, "withdrawal time");
        return withdrawnAt.isPresent() ? this
                : new Consent(id, contact, purpose, basis, text, textVersion, channel, recordedAt, evidence,
                Optional.of(at));
    }
}

package dev.tiketti.core.spi;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.Consent;
import dev.tiketti.core.privacy.ConsentId;
import dev.tiketti.core.privacy.ConsentPurpose;
import dev.tiketti.core.privacy.PurposeId;
import java.util.List;
import java.util.Optional;

/**
 * Persists the registered processing purposes and the consent (legal basis) records of contacts.
 *
 * <p>Obligations (checked by {@code ConsentStoreContract}): {@link #savePurpose} and {@link #save}
 * create or replace by id; the store keeps every record, withdrawn ones included, until
 * {@link #deleteForContact} (erasure) removes them; it does not check rules (known purpose, known
 * contact: core does that before calling); {@link #forContact} lists oldest first by
 * {@code recordedAt}; lists are never null and are copies; thread-safe.
 *
 * @since 0.1
 */
public interface ConsentStore {

    void savePurpose(ConsentPurpose purpose);

    Optional<ConsentPurpose> findPurpose(PurposeId id);

    /** Every registered purpose, in no particular order. */
    List<ConsentPurpose> purposes();

    void save(Consent consent);

    Optional<Consent> find(ConsentId id);

    /** Every record of the contact, withdrawn ones included, oldest first. */
    List<Consent> forContact(ContactId contact);

    /** Removes every record of the contact (erasure); returns how many were removed. Idempotent. */
    int deleteForContact(ContactId contact);
}

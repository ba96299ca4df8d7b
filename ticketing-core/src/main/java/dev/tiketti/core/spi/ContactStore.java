package dev.tiketti.core.spi;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.Contact;
import java.util.Optional;

/**
 * Persists the contact persons of the customer register.
 *
 * <p>Obligations (checked by {@code ContactStoreContract}): {@link #save} creates or replaces by id,
 * keeping every field (language, substitute, active flag); {@link #findByEmail} matches any of a
 * contact's current addresses, case-insensitively and ignoring surrounding blanks, and no longer
 * matches addresses a replacement dropped; thread-safe; never returns null. Organisations and
 * memberships live in {@link OrganizationStore}, consent records in {@link ConsentStore}.
 *
 * @since 0.1
 */
public interface ContactStore {

    void save(Contact contact);

    Optional<Contact> find(ContactId id);

    Optional<Contact> findByEmail(String email);
}

package dev.tiketti.core.spi;

import dev.tiketti.core.ContactId;
import dev.tiketti.core.privacy.Contact;
import java.util.Optional;

/**
 * Persists the contact persons of the customer register.
 *
 * <p>Obligations (checked by {@code ContactStoreContract}): {@link #save} creates or replaces;
 * {@link #findByEmail} matches case-insensitively; thread-safe; never returns null.
 *
 * @since 0.1
 */
public interface ContactStore {

    void save(Contact contact);

    Optional<Contact> find(ContactId id);

    Optional<Contact> findByEmail(String email);
}

package dev.tiketti.core.inmemory;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.spi.ContactStore;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reference {@link ContactStore} in memory. Thread-safe by a single lock.
 *
 * @since 0.1
 */
public final class InMemoryContactStore implements ContactStore {
    private final Map<ContactId, Contact> contacts = new LinkedHashMap<>();

    @Override
    public synchronized void save(Contact contact) {
        contacts.put(contact.id(), contact);
    }

    @Override
    public synchronized Optional<Contact> find(ContactId id) {
        return Optional.ofNullable(contacts.get(id));
    }

    @Override
    public synchronized Optional<Contact> findByEmail(String email) {
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        return contacts.values().stream().filter(c -> c.emails().contains(wanted)).findFirst();
    }
}

package dev.tiketti.core.inmemory;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.Consent;
import dev.tiketti.core.privacy.ConsentId;
import dev.tiketti.core.privacy.ConsentPurpose;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.spi.ConsentStore;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reference {@link ConsentStore} in memory. Thread-safe by a single lock.
 *
 * @since 0.1
 */
public final class InMemoryConsentStore implements ConsentStore {
    private final Map<PurposeId, ConsentPurpose> purposes = new LinkedHashMap<>();
    private final Map<ConsentId, Consent> consents = new LinkedHashMap<>();

    @Override
    public synchronized void savePurpose(ConsentPurpose purpose) {
        Require.nonNull(purpose, "purpose");
        purposes.put(purpose.id(), purpose);
    }

    @Override
    public synchronized Optional<ConsentPurpose> findPurpose(PurposeId id) {
        return Optional.ofNullable(purposes.get(Require.nonNull(id, "purpose id")));
    }

    @Override
    public synchronized List<ConsentPurpose> purposes() {
        return List.copyOf(purposes.values());
    }

    @Override
    public synchronized void save(Consent consent) {
        Require.nonNull(consent, "consent");
        consents.put(consent.id(), consent);
    }

    @Override
    public synchronized Optional<Consent> find(ConsentId id) {
        return Optional.ofNullable(consents.get(Require.nonNull(id, "consent id")));
    }

    @Override
    public synchronized List<Consent> forContact(ContactId contact) {
        Require.nonNull(contact, "contact id");
        return consents.values().stream().filter(c -> c.contact().equals(contact))
                .sorted(Comparator.comparing(Consent::recordedAt)).toList();
    }

    @Override
    public synchronized int deleteForContact(ContactId contact) {
        Require.nonNull(contact, "contact id");
        int before = consents.size();
        consents.values().removeIf(c -> c.contact().equals(contact));
        return before - consents.size();
    }
}

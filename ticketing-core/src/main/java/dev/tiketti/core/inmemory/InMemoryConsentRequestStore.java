package dev.tiketti.core.inmemory;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.Require;
import dev.tiketti.core.privacy.ConsentRequest;
import dev.tiketti.core.privacy.ConsentRequestId;
import dev.tiketti.core.spi.ConsentRequestStore;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reference {@link ConsentRequestStore} in memory. Thread-safe by a single lock.
 *
 * @since 0.1
 */
public final class InMemoryConsentRequestStore implements ConsentRequestStore {
    private final Map<ConsentRequestId, ConsentRequest> requests = new LinkedHashMap<>();

    @Override
    public synchronized void save(ConsentRequest request) {
        Require.nonNull(request, "consent request");
        requests.put(request.id(), request);
    }

    @Override
    public synchronized Optional<ConsentRequest> find(ConsentRequestId id) {
        return Optional.ofNullable(requests.get(Require.nonNull(id, "consent request id")));
    }

    @Override
    public synchronized Optional<ConsentRequest> findByTokenDigest(String tokenDigest) {
        Require.nonNull(tokenDigest, "token digest");
        return requests.values().stream().filter(r -> r.tokenDigest().equals(tokenDigest)).findFirst();
    }

    @Override
    public synchronized boolean answer(ConsentRequest answered) {
        Require.nonNull(answered, "answered consent request");
        ConsentRequest stored = requests.get(answered.id());
        if (stored == null || !stored.pending()) {
            return false;
        }
        requests.put(answered.id(), answered);
        return true;
    }

    @Override
    public synchronized List<ConsentRequest> forContact(ContactId contact) {
        Require.nonNull(contact, "contact id");
        return requests.values().stream().filter(r -> r.contact().filter(contact::equals).isPresent())
                .sorted(Comparator.comparing(ConsentRequest::sentAt)).toList();
    }

    @Override
    public synchronized boolean delete(ConsentRequestId id) {
        return requests.remove(Require.nonNull(id, "consent request id")) != null;
    }

    @Override
    public synchronized int deleteForContact(ContactId contact) {
        Require.nonNull(contact, "contact id");
        int before = requests.size();
        requests.values().removeIf(r -> r.contact().filter(contact::equals).isPresent());
        return before - requests.size();
    }

    @Override
    public synchronized int deleteExpired(java.time.Instant now) {
        Require.nonNull(now, "now");
        int before = requests.size();
        requests.values().removeIf(r -> r.expiredAt(now));
        return before - requests.size();
    }
}

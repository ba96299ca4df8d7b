package dev.tiketti.core.spi;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.ConsentRequest;
import dev.tiketti.core.privacy.ConsentRequestId;
import java.util.List;
import java.util.Optional;

/**
 * Persists consent requests (R8) until they are answered, expire or the person is erased. Kept
 * apart from {@link ConsentStore}: requests are short-lived, are looked up by a token digest, must
 * be answered at most once under concurrency, and may name an address that is nobody's yet.
 *
 * <p>Obligations (checked by {@code ConsentRequestStoreContract}): {@link #save} stores a new
 * request as given; {@link #findByTokenDigest} finds it by its digest exactly; {@link #answer} is
 * an atomic compare-and-set: it replaces the stored request with the answered one only while the
 * stored one is still {@code PENDING}, and of concurrent calls for one request exactly one returns
 * {@code true}; {@link #delete}, {@link #deleteForContact} and {@link #deleteExpired} are idempotent; lists are copies,
 * never null, oldest first by {@code sentAt}; thread-safe. The store checks no rules (core does).
 *
 * @since 0.1
 */
public interface ConsentRequestStore {

    void save(ConsentRequest request);

    Optional<ConsentRequest> find(ConsentRequestId id);

    /** The request whose reply token has this lower-case hex SHA-256 digest. */
    Optional<ConsentRequest> findByTokenDigest(String tokenDigest);

    /**
     * Replaces the request with {@code answered} (same id) if the stored one is still pending;
     * returns whether it did. Atomic: the basis of single use.
     */
    boolean answer(ConsentRequest answered);

    /** Every request sent to the contact, oldest first. */
    List<ConsentRequest> forContact(ContactId contact);

    /** Removes the request (e.g. its mail could not be sent); returns whether it existed. */
    boolean delete(ConsentRequestId id);

    /** Removes every request of the contact (erasure); returns how many. */
    int deleteForContact(ContactId contact);

    /**
     * Removes every request, answered or not, whose {@code expiresAt} is at or before {@code now}
     * (storage limitation: a request holds an address); returns how many. Idempotent.
     */
    int deleteExpired(java.time.Instant now);
}

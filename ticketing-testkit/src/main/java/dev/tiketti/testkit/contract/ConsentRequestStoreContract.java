package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.Actor;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.ConsentId;
import dev.tiketti.core.privacy.ConsentRequest;
import dev.tiketti.core.privacy.ConsentRequestId;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.spi.ConsentRequestStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The obligations of a {@link ConsentRequestStore}. An adapter proves itself by one subclass that
 * returns a new, empty store from {@link #createStore()}.
 *
 * <p>To prove a whole storage adapter, extend {@link StorageContract} instead: it runs this
 * contract as one of its groups, on the store your {@code Storage} provides. Extend this class
 * alone for a store proven on its own.
 *
 * @since 0.1
 */
@DisplayName("ConsentRequestStore contract")
public abstract class ConsentRequestStoreContract {
    private static final Instant T0 = Instant.parse("2024-05-02T09:00:00Z");
    private static final PurposeId SURVEYS = PurposeId.of("surveys");
    private static final Actor DPO = Actor.agent("tuula", "privacy");
    private ConsentRequestStore store;

    /** A new, empty store for each test. */
    protected abstract ConsentRequestStore createStore();

    @BeforeEach
    void createFreshStore() {
        store = createStore();
    }

    /** The lower-case hex SHA-256 of {@code token}, as core stores it. */
    protected static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A pending request to {@code contact} sent {@code minutes} after a fixed instant. */
    protected static ConsentRequest pending(Optional<ContactId> contact, int minutes, String token) {
        Instant sent = T0.plusSeconds(60L * minutes);
        return ConsentRequest.pending(ConsentRequestId.random(), contact, "aino.virtanen@example.fi", SURVEYS,
                "Saamme lähettää palautekyselyn.", "2024-05", DPO, sent, sent.plusSeconds(30L * 24 * 3600),
                digest(token));
    }

    private static ConsentRequest given(ConsentRequest r, ContactId who, int minutes) {
        return r.answered(ConsentRequest.Status.GIVEN, r.sentAt().plusSeconds(60L * minutes),
                "message:<reply-" + minutes + "@example.fi>", Optional.of(who), Optional.of(ConsentId.random()));
    }

    @Nested
    @DisplayName("Saving and finding")
    class Finding {
        @Test
        @DisplayName("a saved request is found by id and by its token digest with every field as saved")
        void roundTrip() {
            ConsentRequest r = pending(Optional.of(ContactId.random()), 0, "token-a");
            ConsentRequest toAddress = pending(Optional.empty(), 1, "token-b");
            store.save(r);
            store.save(toAddress);
            assertThat(store.find(r.id())).contains(r);
            assertThat(store.findByTokenDigest(digest("token-a"))).contains(r);
            assertThat(store.findByTokenDigest(digest("token-b"))).contains(toAddress);
            assertThat(store.find(ConsentRequestId.random())).isEmpty();
        }

        @Test
        @DisplayName("a digest is matched exactly: another token's digest or a prefix finds nothing")
        void exactDigest() {
            ConsentRequest r = pending(Optional.empty(), 0, "token-a");
            store.save(r);
            assertThat(store.findByTokenDigest(digest("token-A"))).isEmpty();
            assertThat(store.findByTokenDigest(r.tokenDigest().substring(0, 63))).isEmpty();
            assertThat(store.findByTokenDigest(r.tokenDigest().toUpperCase(java.util.Locale.ROOT))).isEmpty();
        }

        @Test
        @DisplayName("a contact's requests are listed oldest first; requests to an address alone are not theirs")
        void forContact() {
            ContactId aino = ContactId.random();
            ConsentRequest late = pending(Optional.of(aino), 30, "t1");
            ConsentRequest early = pending(Optional.of(aino), 10, "t2");
            store.save(late);
            store.save(early);
            store.save(pending(Optional.empty(), 20, "t3"));
            store.save(pending(Optional.of(ContactId.random()), 15, "t4"));
            assertThat(store.forContact(aino)).containsExactly(early, late);
            assertThat(store.forContact(ContactId.random())).isEmpty();
        }

        @Test
        @DisplayName("a list once returned does not change when the store changes later")
        void listsAreCopies() {
            ContactId aino = ContactId.random();
            store.save(pending(Optional.of(aino), 1, "t1"));
            List<ConsentRequest> before = store.forContact(aino);
            store.save(pending(Optional.of(aino), 2, "t2"));
            assertThat(before).hasSize(1);
        }
    }

    @Nested
    @DisplayName("Answering")
    class Answering {
        @Test
        @DisplayName("answering a pending request replaces it and returns true; a second answer returns false and changes nothing")
        void answerOnce() {
            ContactId aino = ContactId.random();
            ConsentRequest r = pending(Optional.of(aino), 0, "t1");
            store.save(r);
            ConsentRequest first = given(r, aino, 5);
            assertThat(store.answer(first)).isTrue();
            assertThat(store.find(r.id())).contains(first);
            assertThat(store.findByTokenDigest(r.tokenDigest())).contains(first);
            ConsentRequest second = r.answered(ConsentRequest.Status.REFUSED, T0.plusSeconds(900),
                    "message:<late@example.fi>", Optional.empty(), Optional.empty());
            assertThat(store.answer(second)).isFalse();
            assertThat(store.find(r.id())).contains(first);
        }

        @Test
        @DisplayName("answering a request the store does not hold returns false and stores nothing")
        void answerUnknown() {
            ConsentRequest r = pending(Optional.empty(), 0, "t1");
            assertThat(store.answer(given(r, ContactId.random(), 1))).isFalse();
            assertThat(store.find(r.id())).isEmpty();
        }

        @Test
        @DisplayName("an answer that names the contact makes the request theirs")
        void answerNamesContact() {
            ContactId liisa = ContactId.random();
            ConsentRequest r = pending(Optional.empty(), 0, "t1");
            store.save(r);
            assertThat(store.answer(given(r, liisa, 1))).isTrue();
            assertThat(store.forContact(liisa)).extracting(ConsentRequest::id).containsExactly(r.id());
        }
    }

    @Nested
    @DisplayName("Deleting")
    class Deleting {
        @Test
        @DisplayName("deleting a request removes it, says whether it existed, and is idempotent")
        void delete() {
            ConsentRequest r = pending(Optional.empty(), 0, "t1");
            store.save(r);
            assertThat(store.delete(r.id())).isTrue();
            assertThat(store.delete(r.id())).isFalse();
            assertThat(store.find(r.id())).isEmpty();
            assertThat(store.findByTokenDigest(r.tokenDigest())).isEmpty();
        }

        @Test
        @DisplayName("deleting a contact's requests removes only theirs, counts them, and is idempotent")
        void deleteForContact() {
            ContactId aino = ContactId.random();
            ConsentRequest other = pending(Optional.of(ContactId.random()), 3, "t3");
            ConsentRequest toAddress = pending(Optional.empty(), 4, "t4");
            store.save(pending(Optional.of(aino), 1, "t1"));
            store.save(pending(Optional.of(aino), 2, "t2"));
            store.save(other);
            store.save(toAddress);
            assertThat(store.deleteForContact(aino)).isEqualTo(2);
            assertThat(store.deleteForContact(aino)).isZero();
            assertThat(store.forContact(aino)).isEmpty();
            assertThat(store.findByTokenDigest(digest("t1"))).isEmpty();
            assertThat(store.find(other.id())).contains(other);
            assertThat(store.find(toAddress.id())).contains(toAddress);
        }
    }

    @Nested
    @DisplayName("Purging expired requests")
    class Purging {
        @Test
        @DisplayName("removes pending and answered requests expired at or before the instant, keeps the rest, counts, and is idempotent")
        void deleteExpired() {
            ContactId aino = ContactId.random();
            ConsentRequest old = pending(Optional.of(aino), 0, "t1");
            ConsentRequest oldAnswered = given(pending(Optional.of(aino), 1, "t2"), aino, 2);
            ConsentRequest fresh = pending(Optional.empty(), 60, "t3");
            store.save(old);
            store.save(oldAnswered);
            store.save(fresh);
            Instant cutoff = oldAnswered.expiresAt(); // exactly at expiry counts as expired
            assertThat(store.deleteExpired(cutoff)).isEqualTo(2);
            assertThat(store.deleteExpired(cutoff)).isZero();
            assertThat(store.find(old.id())).isEmpty();
            assertThat(store.find(oldAnswered.id())).isEmpty();
            assertThat(store.find(fresh.id())).contains(fresh);
        }
    }

    @Nested
    @DisplayName("Concurrent use")
    class Concurrency {
        @Test
        @DisplayName("of eight threads answering one request at once, exactly one succeeds")
        void singleUseUnderConcurrency() throws Exception {
            ContactId aino = ContactId.random();
            ConsentRequest r = pending(Optional.of(aino), 0, "t1");
            store.save(r);
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    ConsentRequest answer = given(r, aino, i + 1);
                    results.add(pool.submit(() -> {
                        go.await();
                        return store.answer(answer);
                    }));
                }
                go.countDown();
                int won = 0;
                for (Future<Boolean> f : results) {
                    won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(won).isEqualTo(1);
                assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(ConsentRequest.Status.GIVEN);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        @DisplayName("requests saved from many threads at once are all found afterwards")
        void concurrentSaves() throws Exception {
            ContactId aino = ContactId.random();
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < 25; i++) {
                            store.save(pending(Optional.of(aino), thread * 25 + i, "t" + thread + "-" + i));
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : done) {
                    f.get(30, TimeUnit.SECONDS);
                }
                assertThat(store.forContact(aino)).hasSize(threads * 25);
                assertThat(store.findByTokenDigest(digest("t7-24"))).isPresent();
            } finally {
                pool.shutdownNow();
            }
        }
    }
}

package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.Channel;
import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.Consent;
import dev.tiketti.core.privacy.ConsentId;
import dev.tiketti.core.privacy.ConsentPurpose;
import dev.tiketti.core.privacy.LegalBasis;
import dev.tiketti.core.privacy.PurposeId;
import dev.tiketti.core.spi.ConsentStore;
import java.time.Instant;
import java.util.ArrayList;
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
 * The obligations of a {@link ConsentStore}. An adapter proves itself by one subclass that returns
 * a new, empty store from {@link #createStore()}.
 *
 * <p>To prove a whole storage adapter, extend {@link StorageContract} instead: it runs this
 * contract as one of its groups, on the store your {@code Storage} provides. Extend this class
 * alone for a store proven on its own.
 *
 * @since 0.1
 */
@DisplayName("ConsentStore contract")
public abstract class ConsentStoreContract {
    private static final Instant T0 = Instant.parse("2024-05-02T09:00:00Z");
    private static final PurposeId SERVICE = PurposeId.of("service-requests");
    private ConsentStore store;

    /** A new, empty store for each test. */
    protected abstract ConsentStore createStore();

    @BeforeEach
    void createFreshStore() {
        store = createStore();
        store.savePurpose(new ConsentPurpose(SERVICE, "Palvelupyyntöjen käsittely"));
    }

    /** A consent recorded {@code minutes} after a fixed instant. */
    protected static Consent consent(ContactId contact, int minutes) {
        return Consent.given(contact, SERVICE, LegalBasis.CONSENT, "Saamme käsitellä yhteystietojasi.", "2024-05",
                Channel.EMAIL, T0.plusSeconds(60L * minutes), Optional.of("message:<" + minutes + "@example.fi>"));
    }

    @Nested
    @DisplayName("Purposes")
    class Purposes {
        @Test
        @DisplayName("a saved purpose is found by id and listed; saving again replaces its description")
        void purposes() {
            ConsentPurpose surveys = ConsentPurpose.of("surveys", "Asiakastyytyväisyyskyselyt");
            store.savePurpose(surveys);
            ConsentPurpose reworded = ConsentPurpose.of("surveys", "Kyselyt palvelun laadusta");
            store.savePurpose(reworded);
            assertThat(store.findPurpose(surveys.id())).contains(reworded);
            assertThat(store.findPurpose(PurposeId.of("unknown"))).isEmpty();
            assertThat(store.purposes()).extracting(ConsentPurpose::id).containsExactlyInAnyOrder(SERVICE, surveys.id());
        }
    }

    @Nested
    @DisplayName("Consent records")
    class Records {
        @Test
        @DisplayName("a saved record is found by id with every field as saved")
        void roundTrip() {
            Consent c = new Consent(ConsentId.random(), ContactId.random(), SERVICE, LegalBasis.LEGITIMATE_INTERESTS,
                    "Tietosuojaseloste annettu.", "v3", Channel.WEB_FORM, T0, Optional.empty(),
                    Optional.of(T0.plusSeconds(3600)));
            store.save(c);
            assertThat(store.find(c.id())).contains(c);
            assertThat(store.find(ConsentId.random())).isEmpty();
        }

        @Test
        @DisplayName("a contact's records are listed oldest first, withdrawn ones included")
        void oldestFirst() {
            ContactId aino = ContactId.random();
            Consent late = consent(aino, 30);
            Consent early = consent(aino, 10).withdrawn(T0.plusSeconds(1200));
            Consent middle = consent(aino, 20);
            store.save(late);
            store.save(early);
            store.save(middle);
            store.save(consent(ContactId.random(), 15));
            assertThat(store.forContact(aino)).containsExactly(early, middle, late);
            assertThat(store.forContact(ContactId.random())).isEmpty();
        }

        @Test
        @DisplayName("saving a withdrawn copy replaces the record instead of adding one")
        void withdrawalReplaces() {
            ContactId aino = ContactId.random();
            Consent c = consent(aino, 0);
            store.save(c);
            Consent withdrawn = c.withdrawn(T0.plusSeconds(600));
            store.save(withdrawn);
            assertThat(store.forContact(aino)).containsExactly(withdrawn);
            assertThat(store.find(c.id())).contains(withdrawn);
        }

        @Test
        @DisplayName("deleting a contact's records removes only theirs, counts them, and is idempotent")
        void deleteForContact() {
            ContactId aino = ContactId.random();
            ContactId eero = ContactId.random();
            Consent a1 = consent(aino, 1);
            store.save(a1);
            store.save(consent(aino, 2));
            Consent e1 = consent(eero, 3);
            store.save(e1);
            assertThat(store.deleteForContact(aino)).isEqualTo(2);
            assertThat(store.deleteForContact(aino)).isZero();
            assertThat(store.forContact(aino)).isEmpty();
            assertThat(store.find(a1.id())).isEmpty();
            assertThat(store.forContact(eero)).containsExactly(e1);
            assertThat(store.findPurpose(SERVICE)).isPresent();
        }

        @Test
        @DisplayName("a list once returned does not change when the store changes later")
        void listsAreCopies() {
            ContactId aino = ContactId.random();
            store.save(consent(aino, 1));
            List<Consent> before = store.forContact(aino);
            List<ConsentPurpose> purposesBefore = store.purposes();
            store.save(consent(aino, 2));
            store.savePurpose(ConsentPurpose.of("surveys", "Kyselyt"));
            assertThat(before).hasSize(1);
            assertThat(purposesBefore).hasSize(1);
        }
    }

    @Nested
    @DisplayName("Concurrent use")
    class Concurrency {
        @Test
        @DisplayName("records saved from many threads at once are all found afterwards")
        void concurrentSaves() throws Exception {
            ContactId aino = ContactId.random();
            int threads = 8;
            int perThread = 50;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            List<Consent> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Consent> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(consent(aino, t * perThread + i));
                }
                all.addAll(mine);
                futures.add(pool.submit(() -> {
                    start.await();
                    for (Consent c : mine) {
                        store.save(c);
                        store.forContact(aino);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS); // a hang guard, not a timing assertion
            }
            pool.shutdown();
            assertThat(store.forContact(aino)).containsExactlyElementsOf(all);
        }
    }
}

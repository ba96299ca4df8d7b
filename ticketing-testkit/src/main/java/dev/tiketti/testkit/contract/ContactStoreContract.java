package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.privacy.AssuranceLevel;
import dev.tiketti.core.privacy.Contact;
import dev.tiketti.core.privacy.Language;
import dev.tiketti.core.spi.ContactStore;
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
 * The obligations of a {@link ContactStore}. An adapter proves itself by one subclass that returns
 * a new, empty store from {@link #createStore()}:
 *
 * <pre>{@code
 * class MyContactStoreContractTest extends ContactStoreContract {
 *     protected ContactStore createStore() { return new MyContactStore(freshDatabase()); }
 * }
 * }</pre>
 *
 * <p>To prove a whole storage adapter, extend {@link StorageContract} instead: it runs this
 * contract as one of its groups, on the store your {@code Storage} provides. Extend this class
 * alone for a store proven on its own.
 *
 * @since 0.1
 */
@DisplayName("ContactStore contract")
public abstract class ContactStoreContract {
    private ContactStore store;

    /** A new, empty store for each test. */
    protected abstract ContactStore createStore();

    @BeforeEach
    void createFreshStore() {
        store = createStore();
    }

    /** An invented person; {@code n} makes names and addresses unique. */
    protected static Contact person(int n) {
        return Contact.withEmail("Testi Henkilö" + n, "henkilo" + n + "@example.fi", AssuranceLevel.LOW);
    }

    @Nested
    @DisplayName("Saving and finding by id")
    class SaveAndFind {
        @Test
        @DisplayName("a saved contact is found by its id with every field as saved")
        void roundTrip() {
            Contact substitute = person(2);
            Contact contact = new Contact(ContactId.random(), "Aino Virtanen",
                    List.of("aino.virtanen@example.fi", "aino@example.com"), List.of("+358 40 000 0001", "09 000 0002"),
                    Language.SV, AssuranceLevel.SUBSTANTIAL, false, Optional.of(substitute.id()));
            store.save(substitute);
            store.save(contact);
            assertThat(store.find(contact.id())).contains(contact);
            assertThat(store.find(substitute.id())).contains(substitute);
        }

        @Test
        @DisplayName("saving a contact with a known id replaces it")
        void replaces() {
            Contact contact = person(1);
            store.save(contact);
            Contact changed = contact.withLanguage(Language.EN).withPhone("040 000 0003").deactivated();
            store.save(changed);
            assertThat(store.find(contact.id())).contains(changed);
        }

        @Test
        @DisplayName("an unknown id finds nothing")
        void unknownId() {
            store.save(person(1));
            assertThat(store.find(ContactId.random())).isEmpty();
        }
    }

    @Nested
    @DisplayName("Finding by e-mail address")
    class ByEmail {
        @Test
        @DisplayName("any of a contact's addresses finds it, in any case and with surrounding blanks")
        void anyAddressAnyCase() {
            Contact contact = person(1).withAddedEmail("toinen.osoite@example.com");
            store.save(contact);
            store.save(person(2));
            assertThat(store.findByEmail("henkilo1@example.fi")).contains(contact);
            assertThat(store.findByEmail(" HENKILO1@Example.FI ")).contains(contact);
            assertThat(store.findByEmail("toinen.osoite@example.com")).contains(contact);
        }

        @Test
        @DisplayName("an unknown address finds nothing")
        void unknownAddress() {
            store.save(person(1));
            assertThat(store.findByEmail("ei.ketaan@example.fi")).isEmpty();
        }

        @Test
        @DisplayName("an address removed by replacing the contact no longer finds it")
        void staleAddress() {
            Contact contact = person(1);
            store.save(contact);
            store.save(new Contact(contact.id(), contact.name(), List.of("uusi@example.fi"), List.of(),
                    contact.assurance(), true));
            assertThat(store.findByEmail("henkilo1@example.fi")).isEmpty();
            assertThat(store.findByEmail("uusi@example.fi")).map(Contact::id).contains(contact.id());
        }
    }

    @Nested
    @DisplayName("Concurrent use")
    class Concurrency {
        @Test
        @DisplayName("contacts saved from many threads at once are all found afterwards")
        void concurrentSaves() throws Exception {
            int threads = 8;
            int perThread = 50;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            List<Contact> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Contact> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(person(t * perThread + i));
                }
                all.addAll(mine);
                futures.add(pool.submit(() -> {
                    start.await();
                    for (Contact c : mine) {
                        store.save(c);
                        assertThat(store.find(c.id())).contains(c);
                        store.findByEmail(c.emails().get(0));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS); // a hang guard, not a timing assertion
            }
            pool.shutdown();
            for (Contact c : all) {
                assertThat(store.find(c.id())).contains(c);
                assertThat(store.findByEmail(c.emails().get(0))).contains(c);
            }
        }
    }
}

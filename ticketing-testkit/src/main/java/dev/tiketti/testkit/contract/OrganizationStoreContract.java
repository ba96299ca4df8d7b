package dev.tiketti.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tiketti.core.common.ContactId;
import dev.tiketti.core.common.OrganizationId;
import dev.tiketti.core.privacy.Membership;
import dev.tiketti.core.privacy.Organization;
import dev.tiketti.core.privacy.ServiceContract;
import dev.tiketti.core.spi.OrganizationStore;
import java.time.LocalDate;
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
 * The obligations of an {@link OrganizationStore}. An adapter proves itself by one subclass that
 * returns a new, empty store from {@link #createStore()}.
 *
 * <p>To prove a whole storage adapter, extend {@link StorageContract} instead: it runs this
 * contract as one of its groups, on the store your {@code Storage} provides. Extend this class
 * alone for a store proven on its own.
 *
 * @since 0.1
 */
@DisplayName("OrganizationStore contract")
public abstract class OrganizationStoreContract {
    private OrganizationStore store;

    /** A new, empty store for each test. */
    protected abstract OrganizationStore createStore();

    @BeforeEach
    void createFreshStore() {
        store = createStore();
    }

    private static final ServiceContract CONTRACT =
            ServiceContract.between("SOP-2024-17", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));

    @Nested
    @DisplayName("Organisations")
    class Organisations {
        @Test
        @DisplayName("a saved organisation is found by id, with its default substitute")
        void roundTrip() {
            Organization org = new Organization(OrganizationId.random(), "Palkkahallinto", Optional.of(ContactId.random()));
            store.save(org);
            assertThat(store.find(org.id())).contains(org);
            assertThat(store.find(OrganizationId.random())).isEmpty();
        }

        @Test
        @DisplayName("saving with a known id replaces, and all() lists each organisation once")
        void replaceAndList() {
            Organization a = Organization.named("Palkkahallinto");
            Organization b = Organization.named("Talouspalvelut");
            store.save(a);
            store.save(b);
            Organization renamed = new Organization(a.id(), "Palkka- ja henkilöstöhallinto", Optional.empty());
            store.save(renamed);
            assertThat(store.find(a.id())).contains(renamed);
            assertThat(store.all()).containsExactlyInAnyOrder(renamed, b);
        }
    }

    @Nested
    @DisplayName("Memberships")
    class Memberships {
        @Test
        @DisplayName("a membership is listed for its contact and its organisation, contract included")
        void listed() {
            Organization org = Organization.named("Palkkahallinto");
            store.save(org);
            Membership m = Membership.of(ContactId.random(), org.id(), Membership.MAIN_USER).withContract(CONTRACT);
            Membership other = Membership.of(ContactId.random(), org.id(), Membership.MEMBER);
            store.saveMembership(m);
            store.saveMembership(other);
            assertThat(store.membershipsOf(m.contact())).containsExactly(m);
            assertThat(store.members(org.id())).containsExactlyInAnyOrder(m, other);
            assertThat(store.membershipsOf(ContactId.random())).isEmpty();
            assertThat(store.members(OrganizationId.random())).isEmpty();
        }

        @Test
        @DisplayName("a contact has one membership per organisation: saving again replaces the role and contract")
        void onePerPair() {
            Organization org = Organization.named("Palkkahallinto");
            Organization second = Organization.named("Talouspalvelut");
            store.save(org);
            store.save(second);
            ContactId contact = ContactId.random();
            store.saveMembership(Membership.of(contact, org.id(), Membership.MEMBER));
            Membership promoted = Membership.of(contact, org.id(), Membership.MAIN_USER).withContract(CONTRACT);
            store.saveMembership(promoted);
            Membership elsewhere = Membership.of(contact, second.id(), Membership.MEMBER);
            store.saveMembership(elsewhere);
            assertThat(store.membershipsOf(contact)).containsExactlyInAnyOrder(promoted, elsewhere);
            assertThat(store.members(org.id())).containsExactly(promoted);
        }

        @Test
        @DisplayName("removing a membership says whether there was one and leaves the others")
        void remove() {
            Organization org = Organization.named("Palkkahallinto");
            store.save(org);
            Membership m = Membership.of(ContactId.random(), org.id(), Membership.MEMBER);
            Membership other = Membership.of(ContactId.random(), org.id(), Membership.MEMBER);
            store.saveMembership(m);
            store.saveMembership(other);
            assertThat(store.removeMembership(m.contact(), org.id())).isTrue();
            assertThat(store.removeMembership(m.contact(), org.id())).isFalse();
            assertThat(store.members(org.id())).containsExactly(other);
            assertThat(store.find(org.id())).isPresent();
        }

        @Test
        @DisplayName("a list once returned does not change when the store changes later")
        void listsAreCopies() {
            Organization org = Organization.named("Palkkahallinto");
            store.save(org);
            store.saveMembership(Membership.of(ContactId.random(), org.id(), Membership.MEMBER));
            List<Membership> before = store.members(org.id());
            List<Organization> orgsBefore = store.all();
            store.saveMembership(Membership.of(ContactId.random(), org.id(), Membership.MEMBER));
            store.save(Organization.named("Talouspalvelut"));
            assertThat(before).hasSize(1);
            assertThat(orgsBefore).hasSize(1);
        }
    }

    @Nested
    @DisplayName("Concurrent use")
    class Concurrency {
        @Test
        @DisplayName("memberships saved from many threads at once are all listed afterwards")
        void concurrentMemberships() throws Exception {
            Organization org = Organization.named("Palkkahallinto");
            store.save(org);
            int threads = 8;
            int perThread = 50;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            List<Membership> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Membership> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(Membership.of(ContactId.random(), org.id(), Membership.MEMBER));
                }
                all.addAll(mine);
                futures.add(pool.submit(() -> {
                    start.await();
                    for (Membership m : mine) {
                        store.saveMembership(m);
                        store.members(org.id());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS); // a hang guard, not a timing assertion
            }
            pool.shutdown();
            assertThat(store.members(org.id())).containsExactlyInAnyOrderElementsOf(all);
        }
    }
}

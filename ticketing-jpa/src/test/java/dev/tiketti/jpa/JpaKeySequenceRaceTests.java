package dev.tiketti.jpa;

import static dev.tiketti.jpa.testing.Fixtures.created;
import static dev.tiketti.jpa.testing.Fixtures.entry;
import static dev.tiketti.jpa.testing.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.TicketKey;
import dev.tiketti.core.ticket.TicketQuery;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.Ticket;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two nodes creating the counter row of a new key prefix at the same moment, set up
 * deterministically (a transaction held open until the other side is seen waiting for it), in both
 * modes of {@link JpaStorage}. The testkit's {@code TicketStoreContract} overlaps two units of work
 * too, but with resource-local transactions the first unit's counter row is already committed
 * (created in a short transaction of its own), so the second one waits on its row lock and never
 * reaches the unique violation; these tests reach it. Subclasses choose H2 or PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaKeySequenceRaceTests {
    private DataSource dataSource;
    private EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> hostEm = new ThreadLocal<>();
    private Transactions host;
    private TicketStore store;

    abstract DataSource newDatabase();

    /** How many other sessions of the database now wait for a transaction (asked on {@code c}). */
    abstract long sessionsWaiting(Connection c) throws SQLException;

    @BeforeAll
    void start() {
        dataSource = newDatabase();
        JpaStorage.migrate(dataSource);
        PersistenceConfiguration unit = new PersistenceConfiguration("managed-key-sequence")
                .property("jakarta.persistence.nonJtaDataSource", dataSource)
                .property("hibernate.hbm2ddl.auto", "validate");
        for (String name : JpaStorage.managedClassNames()) {
            try {
                unit.managedClass(Class.forName(name));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        emf = unit.createEntityManagerFactory();
        host = new Transactions() { // stands in for UserTransaction / TransactionTemplate
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                if (hostEm.get() != null) {
                    return work.get();
                }
                EntityManager em = emf.createEntityManager();
                hostEm.set(em);
                try {
                    em.getTransaction().begin();
                    T result = work.get();
                    em.getTransaction().commit();
                    return result;
                } catch (RuntimeException e) {
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                    throw e;
                } finally {
                    hostEm.remove();
                    em.close();
                }
            }
        };
        store = JpaStorage.managed(hostEm::get, host).ticketStore();
    }

    @AfterAll
    void stop() {
        emf.close();
    }

    private Ticket open(String prefix) {
        Ticket t = ticket(prefix, store.nextNumber(prefix));
        store.create(t, List.of(entry(t, "Uusi etuliite")), List.of(created(t)));
        return t;
    }

    /**
     * Resource-local: another node's insert of the counter row is still uncommitted when two
     * callers find no row, so both inserts (each in its own short transaction) wait for it and
     * then fail with a unique violation; each must lock the committed row and advance it.
     */
    @Test
    void two_callers_whose_inserts_of_a_new_counter_row_lose_to_another_node_lock_and_advance_it() throws Exception {
        String prefix = "RL";
        JpaStorage storage = JpaStorage.of(emf);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (Connection otherNode = dataSource.getConnection()) {
            otherNode.setAutoCommit(false);
            try (PreparedStatement ps = otherNode.prepareStatement(
                    "INSERT INTO tkt_key_sequence (prefix, last_number) VALUES (?, 0)")) {
                ps.setString(1, prefix);
                ps.executeUpdate();
            }
            List<Future<Long>> drawn = List.of(callers.submit(() -> storage.ticketStore().nextNumber(prefix)),
                    callers.submit(() -> storage.ticketStore().nextNumber(prefix)));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5))
                    .alias("both callers wait for the other node's uncommitted counter row")
                    .until(() -> waitingSessions() >= 2);
            otherNode.commit();

            assertThat(List.of(drawn.get(0).get(2, TimeUnit.MINUTES), drawn.get(1).get(2, TimeUnit.MINUTES)))
                    .containsExactlyInAnyOrder(1L, 2L);
            assertThat(storage.ticketStore().nextNumber(prefix)).isEqualTo(3);
        } finally {
            callers.shutdownNow();
        }
    }

    /**
     * Managed (host transactions): the counter row cannot be created in a transaction of its own,
     * so the first transaction's uncommitted row makes the second one's insert wait, then fail with
     * a unique violation when the first commits. What docs/storage.md promises: the second either
     * gets number 2 or fails with a retryable {@link ConcurrentUpdateException}, having written
     * nothing, and running it again succeeds.
     */
    @Test
    void the_second_of_two_host_transactions_opening_a_new_prefix_gets_number_2_or_a_retryable_failure_that_a_retry_heals()
            throws Exception {
        String prefix = "MGD";
        CountDownLatch firstHasItsNumber = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService units = Executors.newFixedThreadPool(2);
        try {
            Future<Ticket> first = units.submit(() -> host.inTransaction(() -> {
                Ticket mine = open(prefix); // creates the counter row in this transaction
                firstHasItsNumber.countDown();
                try {
                    if (!release.await(2, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return mine;
            }));
            await().atMost(Duration.ofMinutes(2)).until(() -> firstHasItsNumber.getCount() == 0 || first.isDone());
            Future<Ticket> second = units.submit(() -> host.inTransaction(() -> open(prefix)));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5))
                    .alias("the second transaction waits for the first one's counter row, or is done")
                    .until(() -> second.isDone() || waiting());
            release.countDown();

            Ticket one = first.get(2, TimeUnit.MINUTES);
            assertThat(one.key()).isEqualTo(new TicketKey(prefix, 1));
            Ticket two;
            try {
                two = second.get(2, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ConcurrentUpdateException.class)
                        .hasMessageContaining(prefix).hasMessageContaining("again");
                assertThat(host.inTransaction(() -> store.query(TicketQuery.all().limit(10)))).containsExactly(one);
                two = host.inTransaction(() -> open(prefix)); // what the message tells the host to do
            }
            assertThat(two.key()).isEqualTo(new TicketKey(prefix, 2));
            Ticket stored = two;
            assertThat(host.inTransaction(() -> store.findByKey(stored.key()))).contains(stored);
            assertThat(host.inTransaction(() -> store.history(stored.id()))).containsExactly(created(stored));
        } finally {
            release.countDown();
            units.shutdownNow();
        }
    }

    private boolean waiting() throws SQLException {
        return waitingSessions() > 0;
    }

    private long waitingSessions() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return sessionsWaiting(c);
        }
    }
}

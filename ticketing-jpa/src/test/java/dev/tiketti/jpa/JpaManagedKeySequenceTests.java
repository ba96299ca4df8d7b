package dev.tiketti.jpa;

import static dev.tiketti.jpa.testing.Fixtures.created;
import static dev.tiketti.jpa.testing.Fixtures.entry;
import static dev.tiketti.jpa.testing.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tiketti.core.ConcurrentUpdateException;
import dev.tiketti.core.TicketKey;
import dev.tiketti.core.TicketQuery;
import dev.tiketti.core.spi.TicketStore;
import dev.tiketti.core.spi.Transactions;
import dev.tiketti.core.ticket.Ticket;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.sql.Connection;
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
 * The first numbers of a new key prefix drawn by two overlapping host transactions, in the mode
 * where the host owns transactions ({@link JpaStorage#managed}). There the counter row cannot be
 * created in a transaction of its own: the first transaction's uncommitted row makes the second
 * one's insert wait, then fail with a unique violation when the first commits. What
 * docs/storage.md promises for that case: the second either gets number 2 or fails with a
 * retryable {@link ConcurrentUpdateException}, having written nothing, and running it again
 * succeeds. (With resource-local transactions the testkit's {@code TicketStoreContract} checks
 * the same race and demands number 2.) Subclasses choose H2 or PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaManagedKeySequenceTests {
    private DataSource dataSource;
    private EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> hostEm = new ThreadLocal<>();
    private Transactions host;
    private TicketStore store;

    abstract DataSource newDatabase();

    /** Whether another session of the database now waits for a transaction (asked on {@code c}). */
    abstract boolean anotherSessionWaits(Connection c) throws SQLException;

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
        try (Connection c = dataSource.getConnection()) {
            return anotherSessionWaits(c);
        }
    }
}

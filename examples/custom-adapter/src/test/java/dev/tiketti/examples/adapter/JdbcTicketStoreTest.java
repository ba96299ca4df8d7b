package dev.tiketti.examples.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the contract cannot arrange on its own: two units of work drawing the <em>first</em> number of
 * a new prefix at the same moment, so that both try to create its counter row. The contract's
 * racing threads rarely meet exactly there; this test holds the first unit open until the second
 * one is inside its INSERT of the same counter row.
 */
class JdbcTicketStoreTest {
    private JdbcConnectionPool database;
    private JdbcTransactions transactions;
    private JdbcTicketStore store;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabase.fresh();
        transactions = new JdbcTransactions(database);
        store = new JdbcTicketStore(transactions);
    }

    @AfterEach
    void dropDatabase() {
        TestDatabase.drop(database);
    }

    @Test
    void twoUnitsCreatingTheCounterOfANewPrefixAtOnceGetDifferentNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            CompletableFuture<Future<Long>> second = new CompletableFuture<>();
            long first = transactions.inTransaction(() -> {
                long mine = store.nextNumber("IT"); // inserts the counter row; not committed yet
                second.complete(pool.submit(() -> store.nextNumber("IT"))); // must wait for our row
                awaitTheSecondUnitInsertingTheCounter();
                return mine;
            });
            assertThat(first).isEqualTo(1);
            assertThat(second.get().get(1, TimeUnit.MINUTES)).isEqualTo(2);
            assertThat(store.nextNumber("IT")).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Polls H2's session table until the second unit is inside its INSERT of the counter row, where
     * it waits for ours (H2 reports no BLOCKER_ID for a wait on a uniqueness check, so look at the
     * statement). When we commit, its INSERT fails with a unique violation: the path under test.
     */
    private void awaitTheSecondUnitInsertingTheCounter() {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10))
                .alias("the second unit reaches its INSERT of the counter row")
                .until(this::secondUnitInsertsTheCounter);
    }

    private boolean secondUnitInsertsTheCounter() throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS "
                     + "WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO ticket_number%'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}

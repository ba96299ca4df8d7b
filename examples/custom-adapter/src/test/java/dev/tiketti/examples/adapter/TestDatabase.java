package dev.tiketti.examples.adapter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A fresh in-memory H2 database with the example's tables, one per test: creating one takes a few
 * milliseconds, so no test has to clean up after another.
 */
final class TestDatabase {
    private TestDatabase() {
    }

    static JdbcConnectionPool fresh() {
        // LOCK_TIMEOUT: the contracts' races queue eight threads on one row; H2's default of 1 s is
        // too short for that on a busy machine (a lock timeout would surface as a failed test, not a hang).
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000", "sa", "");
        pool.setMaxConnections(20); // more than the contracts' threads, so none waits for a connection
        Schema.create(pool);
        return pool;
    }

    static void drop(JdbcConnectionPool pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN"); // frees the in-memory database
        } catch (SQLException e) {
            throw new IllegalStateException("could not shut the test database down", e);
        } finally {
            pool.dispose();
        }
    }

    /**
     * Whether another session of {@code pool}'s database is executing a statement. H2 waits for
     * another transaction's uncommitted row with the same unique key (the counter row of a new
     * prefix) by retrying the statement: the thread stays runnable and H2 reports no BLOCKER_ID, so
     * a look at the thread cannot tell; but the held unit of work executes nothing while it waits.
     */
    static boolean anotherSessionIsExecuting(JdbcConnectionPool pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                     + " WHERE SESSION_ID <> SESSION_ID() AND EXECUTING_STATEMENT IS NOT NULL")) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read H2's sessions", e);
        }
    }
}

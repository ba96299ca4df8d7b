package dev.tiketti.examples.adapter;

import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.common.TicketingException;
import dev.tiketti.core.spi.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Units of work on plain JDBC: the outermost {@link #inTransaction} takes one connection from the
 * {@link DataSource}, turns auto-commit off and binds the connection to the calling thread; every
 * store call on that thread meanwhile runs on that connection ({@link #run}), and nested units
 * join it. So a {@code Ticketing.open} that draws a key number and creates the ticket commits both,
 * or neither. Hand the same instance to {@code Ticketing.builder().transactions(...)} and to the
 * stores.
 */
public final class JdbcTransactions implements Transactions {

    /** Work that needs the unit's connection; it may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The unit of work bound to a thread: its connection, whether joined work failed, what runs after its commit. */
    private static final class Unit {
        final Connection connection;
        final List<Runnable> afterCommit = new ArrayList<>();
        boolean rollbackOnly;

        Unit(Connection connection) {
            this.connection = connection;
        }
    }

    private final DataSource dataSource;
    // Not static: two JdbcTransactions over two databases must not see each other's connections.
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        Unit joined = current.get();
        if (joined != null) {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                // Whoever catches this, the outer unit must not commit half of its work.
                joined.rollbackOnly = true;
                throw e;
            }
        }
        Connection connection = open();
        Unit unit = new Unit(connection);
        current.set(unit);
        T result;
        try {
            result = work.get();
            if (unit.rollbackOnly) {
                rollbackQuietly(connection, null);
                throw new TicketingException(ErrorCode.TRANSACTION_ROLLED_BACK, "The unit of work was rolled back "
                        + "because work joined to it failed and its exception was caught. Nothing was written. "
                        + "Let the inner exception propagate, or run the inner work in its own unit of work.");
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                rollbackQuietly(connection, e);
                throw translate(e, "committing the unit of work");
            }
        } catch (RuntimeException | Error e) {
            rollbackQuietly(connection, e);
            throw e; // unchanged, as the Transactions SPI promises
        } finally {
            current.remove();
            closeQuietly(connection);
        }
        // After the unit is gone from the thread: an action that calls a store gets a unit of its own.
        unit.afterCommit.forEach(Runnable::run);
        return result;
    }

    /**
     * Runs {@code action} after the outermost unit of work on this thread commits (never if it rolls
     * back), or at once outside one. Tiketti hands its event delivery here, so the events of several
     * {@code Ticketing} calls in one host unit go out only once that unit has committed.
     */
    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        Unit unit = current.get();
        if (unit == null) {
            action.run();
        } else {
            unit.afterCommit.add(action);
        }
    }

    /**
     * Runs {@code work} on the connection of the current unit of work, or in a unit of its own when
     * none is active (a store called outside {@code inTransaction}). {@code what} names the work in
     * a failure's message, without personal data.
     */
    public <T> T run(String what, SqlWork<T> work) {
        return inTransaction(() -> {
            try {
                return work.run(current.get().connection);
            } catch (SQLException e) {
                throw translate(e, what);
            }
        });
    }

    private Connection open() {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            // READ COMMITTED is what the stores are written for (and H2's and PostgreSQL's default).
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            return connection;
        } catch (SQLException e) {
            throw translate(e, "opening a unit of work");
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // The unit has already committed or rolled back; a failing close loses nothing.
        }
    }

    // ------------------------------------------------------------------ failures

    /** SQL state of a unique-key violation, the same on H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /**
     * Maps a database failure to Tiketti's exceptions by SQL state. The database's own message is
     * kept only as the cause: it may quote column values (personal data), which Tiketti's messages
     * never carry.
     */
    static TicketingException translate(SQLException e, String what) {
        String state = e.getSQLState() == null ? "n/a" : e.getSQLState();
        if (state.equals("40001") || state.equals("40P01") || state.equals("HYT00") || state.equals("55P03")) {
            // Serialisation failure, deadlock, lock timeout: the same work may succeed when repeated.
            ConcurrentUpdateException c = new ConcurrentUpdateException(capitalised(what)
                    + " conflicted with a concurrent transaction (SQL state " + state
                    + ") and was rolled back; nothing was written. Reload and try again.");
            c.addSuppressed(e); // ConcurrentUpdateException takes no cause
            return c;
        }
        if (state.startsWith("08")) {
            return new StorageUnavailableException(capitalised(what) + " failed: the database could not be reached"
                    + " (SQL state " + state + "). Nothing was written; retry later.", e);
        }
        return new TicketingException(ErrorCode.STORAGE_FAILURE, capitalised(what) + " failed: the database refused"
                + " it (SQL state " + state + "). Nothing was written. Check the database log; retrying will not help.", e);
    }

    private static String capitalised(String what) {
        return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}

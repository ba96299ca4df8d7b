package dev.tiketti.jpa.internal;

import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.common.TicketingException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Turns what JDBC and the persistence provider throw into Tiketti's exceptions, by SQL state
 * (the same codes on H2 and PostgreSQL), so hosts can branch on one code whatever the database.
 */
public final class Failures {
    /** Unique key violation. */
    static final String UNIQUE_VIOLATION = "23505";

    private Failures() {
    }

    /** The first SQL state found along the cause chain. */
    static Optional<String> sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return Optional.of(s.getSQLState());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    static boolean isUniqueViolation(Throwable e) {
        return sqlState(e).map(UNIQUE_VIOLATION::equals).orElse(false);
    }

    /** Maps a database failure during {@code what} (a phrase without personal data) to a TicketingException. */
    public static TicketingException translate(RuntimeException e, String what) {
        if (e instanceof TicketingException t) {
            return t;
        }
        String state = sqlState(e).orElse("");
        if (state.equals("40001") || state.equals("40P01") || state.equals("HYT00") || state.equals("55P03")
                || state.equals("90131") // H2: row changed by a concurrent transaction
                || e instanceof jakarta.persistence.OptimisticLockException
                || e instanceof jakarta.persistence.PessimisticLockException
                || e instanceof jakarta.persistence.LockTimeoutException) {
            // Serialisation failure, deadlock, lock timeout: the same work may succeed when repeated.
            return new ConcurrentUpdateException(capitalised(what)
                    + " conflicted with a concurrent transaction (SQL state " + (state.isEmpty() ? "n/a" : state)
                    + ") and was rolled back; nothing was written. Reload and try again.", e);
        }
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.equals("90067")
                || state.isEmpty() && isConnectionProblem(e)) {
            return new StorageUnavailableException(capitalised(what) + " failed: the database could not be reached"
                    + " or is shutting down (SQL state " + (state.isEmpty() ? "n/a" : state)
                    + "). Nothing was written; retry later.", e);
        }
        if (state.equals(UNIQUE_VIOLATION)) {
            return new TicketingException(ErrorCode.DUPLICATE, capitalised(what)
                    + " failed: a row with the same key exists already (SQL state 23505). Nothing was written.", e);
        }
        return new TicketingException(ErrorCode.STORAGE_FAILURE, capitalised(what) + " failed: the database refused it"
                + " (SQL state " + (state.isEmpty() ? "n/a" : state) + ", " + e.getClass().getSimpleName()
                + "). Nothing was written. Check the database log; retrying will not help.", e);
    }

    private static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static ConfigurationException schema(String message) {
        return new ConfigurationException(ErrorCode.STORAGE_SCHEMA_MISMATCH, message, List.of());
    }

    private static String capitalised(String what) {
        return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}

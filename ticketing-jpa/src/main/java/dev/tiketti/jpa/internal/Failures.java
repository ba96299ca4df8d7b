package dev.tiketti.jpa.internal;

import dev.tiketti.core.common.ConcurrentUpdateException;
import dev.tiketti.core.common.ConfigurationException;
import dev.tiketti.core.common.ErrorCode;
import dev.tiketti.core.common.StorageUnavailableException;
import dev.tiketti.core.common.TicketingException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what JDBC and the persistence provider throw into Tiketti's exceptions, by SQL state
 * (the same codes on H2 and PostgreSQL where the two agree), so hosts can branch on one code
 * whatever the database:
 *
 * <ul>
 *   <li>serialisation failure, deadlock, lock timeout: {@code ConcurrentUpdateException} (TKT-0201);
 *   <li>the database or the connection to it gone, or not to be had: {@code StorageUnavailableException}
 *       (TKT-0601, retryable) — SQL state classes 08 (connection), 53 (insufficient resources) and 57
 *       (operator intervention: shutdown 57P01, statement timeout or cancel 57014), H2's codes for a
 *       broken connection or a closed database, the JDBC connection exception types, socket failures,
 *       and any failure to obtain a connection from the DataSource (a pool that timed out, is
 *       exhausted or was closed), except a refused login or an unknown database;
 *   <li>a unique key violation: TKT-0202;
 *   <li>anything else the database refused: TKT-0611, not retryable.
 * </ul>
 */
public final class Failures {
    /** Unique key violation. */
    static final String UNIQUE_VIOLATION = "23505";
    /** Serialisation failure, deadlock (PostgreSQL), lock timeout (H2, PostgreSQL), row changed concurrently (H2). */
    private static final Set<String> CONFLICTS = Set.of("40001", "40P01", "HYT00", "55P03", "90131");
    /**
     * H2's own codes for a connection or database that went away: connection broken (90067), database
     * closed (90098), database closed at shutdown (90121), a connection the pool closed under its
     * user (90007, "the object is already closed").
     */
    private static final Set<String> H2_GONE = Set.of("90067", "90098", "90121", "90007");
    /**
     * What Hibernate says when the DataSource would not give a connection; the DataSource's own
     * exception (e.g. HikariCP's "has been closed") often has no SQL state.
     */
    private static final String UNABLE_TO_ACQUIRE = "Unable to acquire JDBC Connection";

    private Failures() {
    }

    /** The first SQL state found along the cause chain. */
    static Optional<String> sqlState(Throwable e) {
        for (Throwable t : chain(e)) {
            if (t instanceof SQLException s && s.getSQLState() != null && !s.getSQLState().isBlank()) {
                return Optional.of(s.getSQLState());
            }
        }
        return Optional.empty();
    }

    static boolean isUniqueViolation(Throwable e) {
        return sqlState(e).map(UNIQUE_VIOLATION::equals).orElse(false);
    }

    /** Maps a database failure during {@code what} (a phrase without personal data) to a TicketingException. */
    public static TicketingException translate(RuntimeException e, String what) {
        return translate(e, what, false, false);
    }

    /**
     * The same for a failure to start a unit of work (to obtain its connection): unavailable unless
     * the database refused the login or does not exist, which is the configuration's fault.
     */
    static TicketingException translateStart(RuntimeException e, String what) {
        return translate(e, what, true, false);
    }

    /** The same for a failed commit, whose outcome on the server may be unknown. */
    static TicketingException translateCommit(RuntimeException e, String what) {
        return translate(e, what, false, true);
    }

    private static TicketingException translate(RuntimeException e, String what, boolean starting, boolean committing) {
        if (e instanceof TicketingException t) {
            return t;
        }
        String state = sqlState(e).orElse("");
        String shownState = state.isEmpty() ? "n/a" : state;
        // What goes on as the cause is a copy without the messages that may quote bound values.
        Throwable cause = Scrubbed.copy(e, starting || isAcquisition(e));
        if (CONFLICTS.contains(state)) {
            // Serialisation failure, deadlock, lock timeout: the same work may succeed when repeated.
            return new ConcurrentUpdateException(capitalised(what) + " conflicted with a concurrent transaction"
                    + " (SQL state " + shownState + ") and was rolled back; nothing was written. Reload and try again.", cause);
        }
        if (isUnavailable(e) || starting && !refusedByConfiguration(state)) {
            String outcome = committing
                    ? " Whether the unit of work was committed is unknown: check before repeating work that must not"
                            + " happen twice; otherwise retry later."
                    : " Nothing was written; retry later.";
            return new StorageUnavailableException(capitalised(what) + " failed: the database could not be reached,"
                    + " is shutting down or cancelled the statement, or no connection was to be had (SQL state "
                    + shownState + ", " + innermost(e).getClass().getSimpleName() + ")." + outcome, cause);
        }
        if (e instanceof jakarta.persistence.OptimisticLockException
                || e instanceof jakarta.persistence.PessimisticLockException
                || e instanceof jakarta.persistence.LockTimeoutException) {
            return new ConcurrentUpdateException(capitalised(what) + " conflicted with a concurrent transaction"
                    + " (SQL state " + shownState + ") and was rolled back; nothing was written. Reload and try again.", cause);
        }
        if (state.equals(UNIQUE_VIOLATION)) {
            return new TicketingException(ErrorCode.DUPLICATE, capitalised(what)
                    + " failed: a row with the same key exists already (SQL state 23505). Nothing was written.", cause);
        }
        return new TicketingException(ErrorCode.STORAGE_FAILURE, capitalised(what) + " failed: the database refused it"
                + " (SQL state " + shownState + ", " + e.getClass().getSimpleName()
                + "). Nothing was written. Check the database log; retrying will not help.", cause);
    }

    /**
     * Whether {@code e} says the database or the connection to it is gone or not to be had, so that
     * the same work may succeed later (see the class comment).
     */
    public static boolean isUnavailable(Throwable e) {
        String state = sqlState(e).orElse("");
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || H2_GONE.contains(state)) {
            return true;
        }
        if (refusedByConfiguration(state)) {
            return false;
        }
        for (Throwable t : chain(e)) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.net.SocketException // ConnectException, "Connection reset"
                    || t instanceof java.net.SocketTimeoutException
                    || t instanceof jakarta.persistence.QueryTimeoutException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.JDBCException j && String.valueOf(j.getMessage()).startsWith(UNABLE_TO_ACQUIRE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A copy of {@code e} fit to be the cause of an exception a host sees: no message that may quote
     * bound values anywhere along it ({@link Scrubbed}).
     */
    public static Throwable scrubbed(Throwable e) {
        return Scrubbed.copy(e, isAcquisition(e));
    }

    /** Whether {@code e} is the DataSource refusing a connection (so no statement, no value, is involved). */
    private static boolean isAcquisition(Throwable e) {
        return chain(e).stream().anyMatch(t -> t instanceof org.hibernate.JDBCException j
                && String.valueOf(j.getMessage()).startsWith(UNABLE_TO_ACQUIRE));
    }

    /** A refused login (28xxx) or an unknown database (3D000): retrying will not help. */
    private static boolean refusedByConfiguration(String state) {
        return state.startsWith("28") || state.startsWith("3D");
    }

    /** {@code e} and its causes, each once. */
    static List<Throwable> chain(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            all.add(t);
        }
        return all;
    }

    private static Throwable innermost(Throwable e) {
        List<Throwable> all = chain(e);
        return all.get(all.size() - 1);
    }

    static ConfigurationException schema(String message) {
        return new ConfigurationException(ErrorCode.STORAGE_SCHEMA_MISMATCH, message, List.of());
    }

    private static String capitalised(String what) {
        return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}

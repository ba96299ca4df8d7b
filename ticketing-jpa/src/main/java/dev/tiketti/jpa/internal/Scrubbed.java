package dev.tiketti.jpa.internal;

import java.io.Serial;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Copies of database exceptions that are safe to hand to a host as causes: issue #20, item 3. The
 * messages of drivers and of Hibernate quote what the statement wrote — pgjdbc's
 * {@code BatchUpdateException} the whole batch entry with its bound values ("Batch entry 0 insert
 * into tkt_contact ... values (('Aino Virtanen'), ...)"), its server messages the key values of a
 * violated constraint ({@code Detail: Key (...)=(...)}), H2 the refused value itself ("Value too
 * long for column ...: 'aino...'"), Hibernate each of those again in brackets — so a refused name or
 * message text would travel on in every log line that prints the exception.
 *
 * <p>A copy keeps what diagnosis needs: the original class (named in the copy's message and
 * {@code toString}), the SQL state and vendor code (a copy of an {@link SQLException} is one, so
 * code that reads the SQL state along the causes still works), the stack trace, and the same shape
 * of causes, suppressed and next exceptions, each copied the same way. It keeps the message only
 * where it cannot quote values: of socket and I/O exceptions, of the driver's and the pool's
 * connection failures (SQL state class 08, the JDBC connection exception types, never a batch), and
 * of everything raised while obtaining a connection, before any value was bound.
 */
final class Scrubbed {
    private static final String WITHHELD = "message withheld, as it may quote the values the statement wrote";

    private Scrubbed() {
    }

    /** A safe copy of {@code e} and everything hanging off it (see the class comment). */
    static Throwable copy(Throwable e, boolean obtainingConnection) {
        return new Copier(obtainingConnection).copy(e);
    }

    /** A copy of an SQLException: same class name shown, SQL state and vendor code, safe message. */
    static final class ScrubbedSQLException extends SQLException {
        @Serial
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        ScrubbedSQLException(SQLException original, String message) {
            super(message, original.getSQLState(), original.getErrorCode());
            this.originalClass = original.getClass().getName();
        }

        /** The class of the exception this is a copy of. */
        String originalClass() {
            return originalClass;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // the original's is copied in
        }

        @Override
        public String toString() {
            return originalClass + " (copy without values): " + getMessage();
        }
    }

    /** A copy of any other throwable (Hibernate's, JPA's): same class name shown, safe message. */
    static final class ScrubbedException extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        ScrubbedException(Throwable original, String message) {
            super(message);
            this.originalClass = original.getClass().getName();
        }

        String originalClass() {
            return originalClass;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }

        @Override
        public String toString() {
            return originalClass + " (copy without values): " + getMessage();
        }
    }

    private static final class Copier {
        private final boolean obtainingConnection;
        private final Map<Throwable, Throwable> copies = new IdentityHashMap<>();

        Copier(boolean obtainingConnection) {
            this.obtainingConnection = obtainingConnection;
        }

        Throwable copy(Throwable t) {
            Throwable done = copies.get(t);
            if (done != null) {
                return done;
            }
            String message = keepsMessage(t) ? String.valueOf(t.getMessage()) : withheld(t);
            Throwable copy = t instanceof SQLException s ? new ScrubbedSQLException(s, message)
                    : new ScrubbedException(t, message);
            copies.put(t, copy);
            copy.setStackTrace(t.getStackTrace());
            Throwable cause = t.getCause();
            if (cause != null && cause != t) {
                copy.initCause(copy(cause));
            }
            for (Throwable suppressed : t.getSuppressed()) {
                copy.addSuppressed(copy(suppressed));
            }
            if (t instanceof SQLException s && copy instanceof SQLException c && s.getNextException() != null
                    && s.getNextException() != s && copy(s.getNextException()) instanceof SQLException next) {
                c.setNextException(next); // whose copy holds the rest of the chain
            }
            return copy;
        }

        private boolean keepsMessage(Throwable t) {
            if (obtainingConnection) {
                return true; // nothing was bound yet
            }
            String name = t.getClass().getName();
            if (name.startsWith("java.net.") || name.startsWith("java.io.")) {
                return true;
            }
            if (t instanceof BatchUpdateException || !(t instanceof SQLException s)) {
                return false;
            }
            return t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || s.getSQLState() != null && s.getSQLState().startsWith("08");
        }

        private static String withheld(Throwable t) {
            return t instanceof SQLException e ? "SQL state " + (e.getSQLState() == null ? "n/a" : e.getSQLState())
                    + ", error code " + e.getErrorCode() + "; " + WITHHELD : WITHHELD;
        }
    }
}

package dev.tiketti.jpa.internal;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.Session;

/**
 * Plain JDBC on the unit of work's own connection, for the stores whose rows are opaque to Hibernate
 * (outbox, idempotency keys, change log, mail): a statement so run commits or rolls back with the
 * unit. Not API.
 */
final class Jdbc {
    private Jdbc() {
    }

    /** JDBC work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} on the connection of {@code em}'s session. */
    static <T> T on(EntityManager em, Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }
}

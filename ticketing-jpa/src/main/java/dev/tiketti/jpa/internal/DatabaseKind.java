package dev.tiketti.jpa.internal;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Whether a store's database is PostgreSQL (otherwise H2), asked once per store: the SQL of a few
 * statements differs between the two, and asking the driver's metadata on every call would cost a
 * call on the hot path.
 */
final class DatabaseKind {
    private volatile @Nullable Boolean postgres;

    boolean isPostgres(EntityManager em) {
        Boolean p = postgres;
        if (p == null) {
            p = Schema.folder(em).equals("postgresql");
            postgres = p;
        }
        return p;
    }

    /** The same, on a connection already in hand (stores that work in plain JDBC). */
    boolean isPostgres(Connection c) throws SQLException {
        Boolean p = postgres;
        if (p == null) {
            p = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            postgres = p;
        }
        return p;
    }
}

package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.BreakablePool;
import dev.tiketti.jpa.testing.Databases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

/**
 * On PostgreSQL the sessions are ended with {@code pg_terminate_backend}, so the next statement on
 * a pooled connection fails with SQL state 57P01 ("terminating connection due to administrator
 * command"), as when an operator stops the server under a running host.
 */
class JpaStoreOutageIT extends JpaStoreOutageTests {
    @Override
    BreakablePool pool() {
        Databases.Unpooled db = Databases.postgresUnpooled();
        return new BreakablePool(db.dataSource(), () -> {
            try (Connection c = db.admin().getConnection()) {
                try (PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
                    s.setString(1, db.name());
                    s.executeQuery().close();
                }
                // pg_terminate_backend only signals: wait until the sessions have really ended.
                Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
                while (true) {
                    try (PreparedStatement s = c.prepareStatement(
                            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ?")) {
                        s.setString(1, db.name());
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            if (rs.getInt(1) == 0) {
                                return;
                            }
                        }
                    }
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("the sessions of " + db.name() + " did not end");
                    }
                    Thread.onSpinWait();
                }
            }
        });
    }
}

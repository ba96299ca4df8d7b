package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.BreakablePool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;

/**
 * On H2 (a file database, so that it outlives being closed) the sessions end with {@code SHUTDOWN}
 * from another connection: every open connection is closed under the pool, and the next use of
 * one fails, as when an embedded database is shut down under a running host.
 */
class JpaStoreOutageTest extends JpaStoreOutageTests {
    @Override
    BreakablePool pool() {
        Path dir;
        try {
            Files.createDirectories(Path.of("target"));
            dir = Files.createTempDirectory(Path.of("target"), "h2-outage").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("tiketti") + ";DB_CLOSE_ON_EXIT=FALSE");
        ds.setUser("sa");
        return new BreakablePool(ds, () -> {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        });
    }
}

package dev.tiketti.jpa.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import javax.sql.ConnectionPoolDataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Databases for the tests: fresh H2 in-memory databases, and fresh databases on one real
 * PostgreSQL server started once per JVM (zonky's embedded binaries, which get around running as
 * root with {@code unshare -U}; fallback: the Debian PostgreSQL 15 started as user postgres).
 */
public final class Databases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile Server server;

    private Databases() {
    }

    /** A new, empty H2 in-memory database that lives until the JVM ends. */
    public static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        // LOCK_TIMEOUT: the concurrency tests queue on the key-sequence row lock for longer than H2's 1 s default.
        ds.setURL("jdbc:h2:mem:tiketti" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
        ds.setUser("sa");
        return pooled(ds);
    }

    /** A new, empty database on the shared PostgreSQL server. */
    public static DataSource postgres() {
        Server s = server();
        String name = "tiketti_" + COUNTER.incrementAndGet();
        try (Connection c = s.admin().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return s.database(name);
    }

    /** A new, empty database on the shared PostgreSQL server, and the server's admin database. */
    public record Unpooled(String name, DataSource dataSource, DataSource admin) {
    }

    /**
     * A new, empty database on the shared PostgreSQL server without a pool in front, for tests that
     * put their own pool there; {@code admin} is a connection to the same server that stays usable
     * while the test ends the new database's sessions.
     */
    public static Unpooled postgresUnpooled() {
        Server s = server();
        String name = "tiketti_" + COUNTER.incrementAndGet();
        try (Connection c = s.admin().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new Unpooled(name, s.physical(name), s.physical("postgres"));
    }

    /**
     * A small connection pool, as every production host has: without one each unit of work opens a
     * new connection (a new server process on PostgreSQL), which dominates the run time.
     */
    private static DataSource pooled(ConnectionPoolDataSource physical) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(physical);
        pool.setMaxConnections(12);
        pool.setLoginTimeout(60);
        return pool;
    }

    private static Server server() {
        Server s = server;
        if (s == null) {
            synchronized (Databases.class) {
                s = server;
                if (s == null) {
                    s = start();
                    server = s;
                }
            }
        }
        return s;
    }

    private interface Server {
        DataSource admin();

        DataSource database(String name);

        DataSource physical(String name);
    }

    private static Server start() {
        List<String> failures = new ArrayList<>();
        // -Dtiketti.test.postgres=debian skips zonky, to prove the fallback still works.
        boolean zonky = !"debian".equals(System.getProperty("tiketti.test.postgres"));
        try {
            if (!zonky) {
                throw new IOException("skipped (tiketti.test.postgres=debian)");
            }
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(30))
                    // Durable like production; zonky turns these off by default.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }));
            int port = pg.getPort();
            return server(port, "postgres");
        } catch (IOException | RuntimeException e) {
            failures.add("zonky embedded PostgreSQL: " + e);
        }
        try {
            return debianFallback();
        } catch (IOException | RuntimeException e) {
            failures.add("Debian PostgreSQL 15 fallback: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("Debian PostgreSQL 15 fallback: interrupted");
        }
        throw new IllegalStateException("No PostgreSQL could be started for the *IT tests. Tried:\n  - "
                + String.join("\n  - ", failures) + "\nzonky needs /usr/bin/unshare and unprivileged user namespaces"
                + " when run as root; the fallback needs /usr/lib/postgresql/15/bin and a 'postgres' user.");
    }

    private static Server debianFallback() throws IOException, InterruptedException {
        Path bin = Path.of("/usr/lib/postgresql/15/bin");
        if (!Files.isDirectory(bin)) {
            throw new IOException(bin + " does not exist");
        }
        Path dir = Files.createTempDirectory("tiketti-pg");
        run("chown", "postgres", dir.toString());
        Path data = dir.resolve("data");
        run("runuser", "-u", "postgres", "--", bin.resolve("initdb").toString(), "-D", data.toString(),
                "-A", "trust", "-U", "postgres");
        int port = 25432 + (int) (ProcessHandle.current().pid() % 1000);
        run("runuser", "-u", "postgres", "--", bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w",
                "-o", "-p " + port + " -k " + dir + " -c max_connections=200", "-l", dir.resolve("log").toString(), "start");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run("runuser", "-u", "postgres", "--", bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                        "-m", "immediate", "stop");
            } catch (IOException | InterruptedException ignored) {
                // the JVM is ending
            }
        }));
        return server(port, "postgres");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static Server server(int port, String user) {
        return new Server() {
            @Override
            public DataSource admin() {
                return database("postgres");
            }

            @Override
            public DataSource database(String name) {
                PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
                ds.setServerNames(new String[] {"localhost"});
                ds.setPortNumbers(new int[] {port});
                ds.setDatabaseName(name);
                ds.setUser(user);
                return pooled(ds);
            }

            @Override
            public DataSource physical(String name) {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setServerNames(new String[] {"localhost"});
                ds.setPortNumbers(new int[] {port});
                ds.setDatabaseName(name);
                ds.setUser(user);
                return ds;
            }
        };
    }
}

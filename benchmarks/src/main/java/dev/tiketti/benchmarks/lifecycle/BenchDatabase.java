package dev.tiketti.benchmarks.lifecycle;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The database of one benchmark trial: H2 file databases in a temporary directory, or an embedded
 * PostgreSQL server (zonky binaries) with one database per contender, since the BPMN engines share
 * table names. Every contender gets the same kind of small connection pool: HikariCP with at most 8
 * connections, or with {@code -Dbench.pool=h2} H2's own {@code JdbcConnectionPool} (the pool of the
 * runs before 2026-12-03 evening; see {@code docs/performance.md} for why it matters to Hibernate on
 * H2).
 *
 * <p>PostgreSQL runs durable, as in production: {@code fsync=on}, {@code synchronous_commit=on}
 * (zonky turns both off by default), identically for every contender.
 */
public final class BenchDatabase implements AutoCloseable {
    private final String kind;
    private final Path h2Dir;
    private final EmbeddedPostgres postgres;
    /** {@code hikari} (default) or {@code h2}: H2's {@code JdbcConnectionPool} for both databases. */
    private static final String POOL = System.getProperty("bench.pool", "hikari");

    private final List<AutoCloseable> pools = new ArrayList<>();

    private BenchDatabase(String kind, Path h2Dir, EmbeddedPostgres postgres) {
        this.kind = kind;
        this.h2Dir = h2Dir;
        this.postgres = postgres;
    }

    /** Starts {@code h2file} or {@code postgresql}. */
    public static BenchDatabase start(String kind) {
        try {
            return switch (kind) {
                case "h2file" -> new BenchDatabase(kind, Files.createTempDirectory("tiketti-bench-h2"), null);
                case "postgresql" -> new BenchDatabase(kind, null, EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setServerConfig("max_connections", "100")
                        .start());
                default -> throw new IllegalArgumentException("unknown db '" + kind + "': use h2file or postgresql");
            };
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + kind + " database", e);
        }
    }

    public boolean isPostgres() {
        return postgres != null;
    }

    /** A new, empty database named {@code name}, behind a pool of up to 8 connections. */
    public DataSource dataSource(String name) {
        if (postgres != null) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create database " + name, e);
            }
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
            if (POOL.equals("h2")) {
                PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
                ds.setURL(url);
                ds.setUser("postgres");
                return h2Pool(JdbcConnectionPool.create(ds));
            }
            return hikari(name, url, "postgres");
        }
        String url = "jdbc:h2:file:" + h2Dir.resolve(name).toAbsolutePath() + ";LOCK_TIMEOUT=10000";
        if (POOL.equals("h2")) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(url);
            ds.setUser("sa");
            return h2Pool(JdbcConnectionPool.create(ds));
        }
        return hikari(name, url, "sa");
    }

    private DataSource hikari(String name, String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench-" + name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    private DataSource h2Pool(JdbcConnectionPool pool) {
        pool.setMaxConnections(8);
        pools.add(pool::dispose);
        return pool;
    }

    @Override
    public void close() {
        for (AutoCloseable pool : pools) {
            try {
                pool.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close a connection pool of " + kind, e);
            }
        }
        try {
            if (postgres != null) {
                postgres.close();
            }
            if (h2Dir != null) {
                try (Stream<Path> files = Files.walk(h2Dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return kind;
    }
}

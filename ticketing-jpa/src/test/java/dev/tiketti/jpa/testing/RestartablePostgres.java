package dev.tiketti.jpa.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL server of its own that a test can stop and start again on the same data directory
 * and port, as an operator's restart does: {@link #stop()} is {@code pg_ctl stop -m fast}, which
 * ends every session with SQL state 57P01 ("terminating connection due to administrator command");
 * {@link #start()} starts the same cluster again, without {@code initdb}, so committed data must
 * still be there. Loopback only. Not shared with {@link Databases}: stopping that one would break
 * every other IT of the run.
 */
public final class RestartablePostgres implements AutoCloseable {
    private final Path dataDirectory;
    private final int port;
    private @Nullable EmbeddedPostgres running;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Initialises a new cluster in a fresh directory under {@code target/} and starts it. */
    public static RestartablePostgres started() {
        try {
            Files.createDirectories(Path.of("target"));
            Path dir = Files.createTempDirectory(Path.of("target"), "restartable-pg").toAbsolutePath();
            RestartablePostgres pg = new RestartablePostgres(dir.resolve("data"), freeLoopbackPort());
            pg.start();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server on the existing data directory (initialised on the first start only). */
    public synchronized void start() {
        if (running != null) {
            throw new IllegalStateException("already running");
        }
        try {
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false) // keep the data: a restart, not a new cluster
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // Durable like production (zonky turns these off): a stop must not lose commits.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "50")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL on " + dataDirectory, e);
        }
    }

    /** Fast shutdown: running transactions are rolled back, sessions are ended with 57P01. */
    public synchronized void stop() {
        EmbeddedPostgres pg = running;
        if (pg == null) {
            return;
        }
        running = null;
        try {
            pg.close(); // pg_ctl stop -m fast -w; the data directory stays (setCleanDataDirectory(false))
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL on " + dataDirectory, e);
        }
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of database {@code postgres} as user {@code postgres}, valid across restarts. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dataDirectory.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dataDirectory.getParent(), e);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

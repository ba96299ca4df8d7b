package dev.tiketti.examples.hr;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where the example keeps its data: an H2 file database under {@code data/} of the repository by
 * default, or the database named by {@code TIKETTI_JDBC_URL} (with {@code TIKETTI_JDBC_USER} and
 * {@code TIKETTI_JDBC_PASSWORD}), read as a system property first and then from the environment.
 *
 * <p>Either way behind a small HikariCP pool, as a production host would run it. A pool that keeps
 * its physical connections matters to Hibernate on H2: H2's own {@code JdbcConnectionPool} hands out
 * a new connection object per checkout, and H2 then answers Hibernate's
 * {@code Statement.getQueryTimeout()} with a settings query once per transaction (see
 * {@code docs/storage.md}, "Connection pools").
 */
final class HrDatabase implements AutoCloseable {
    static final String URL = "TIKETTI_JDBC_URL";
    static final String USER = "TIKETTI_JDBC_USER";
    static final String PASSWORD = "TIKETTI_JDBC_PASSWORD";

    private final DataSource dataSource;
    private final String description;
    private final Runnable onClose;
    private final boolean isDefault;

    private HrDatabase(DataSource dataSource, String description, Runnable onClose, boolean isDefault) {
        this.dataSource = dataSource;
        this.description = description;
        this.onClose = onClose;
        this.isDefault = isDefault;
    }

    /** The database the settings name, or the default H2 file under the repository's {@code data/}. */
    static HrDatabase fromSettings() {
        return setting(URL).map(url -> of(url, setting(USER).orElse(""), setting(PASSWORD).orElse("")))
                .orElseGet(() -> h2File(defaultDataDirectory().resolve("hr-helpdesk")).asDefault());
    }

    /** An H2 file database at {@code file} (H2 adds {@code .mv.db}); created on first use. */
    static HrDatabase h2File(Path file) {
        return of("jdbc:h2:file:" + file.toAbsolutePath().normalize(), "sa", "");
    }

    static HrDatabase of(String url, String user, String password) {
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(URL + " must be a jdbc:h2: or jdbc:postgresql: URL, was '" + url
                    + "'. Unset it to use the H2 file database under data/.");
        }
        // tag::pool[]
        HikariConfig config = new HikariConfig();
        config.setPoolName("hr-helpdesk");        // in HikariCP's log lines and thread names
        config.setJdbcUrl(url);                   // jdbc:h2:file:... or jdbc:postgresql://...
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);             // one thread; a new ticket prefix takes a second connection
        config.setMinimumIdle(1);
        config.setInitializationFailTimeout(-1);  // connect on first use: JpaStorage reports an unreachable
        config.setConnectionTimeout(10_000);      // database as TKT-0601, here after 10 s rather than 30 s
        HikariDataSource pool = new HikariDataSource(config);
        // end::pool[]
        return new HrDatabase(pool, url, pool::close, false);
    }

    private HrDatabase asDefault() {
        return new HrDatabase(dataSource, description, onClose, true);
    }

    /** Whether no setting named the database, so the H2 file under {@code data/} is used. */
    boolean isDefault() {
        return isDefault;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL without its parameters (which may hold a password), for telling the user where the data is. */
    String description() {
        int parameters = description.indexOf('?');
        return parameters < 0 ? description : description.substring(0, parameters);
    }

    @Override
    public void close() {
        onClose.run();
    }

    private static Optional<String> setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * {@code data/} of the repository, found upwards from the working directory, so that the data
     * stays in one place whether Maven runs {@code exec:java} from the root or the module;
     * {@code ./data} outside the repository.
     */
    static Path defaultDataDirectory() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("examples/hr-helpdesk/pom.xml"))) {
                return dir.resolve("data");
            }
        }
        return here.resolve("data");
    }
}

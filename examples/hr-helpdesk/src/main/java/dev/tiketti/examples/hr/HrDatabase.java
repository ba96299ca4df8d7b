package dev.tiketti.examples.hr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the example keeps its data: an H2 file database under {@code data/} of the repository by
 * default, or the database named by {@code TIKETTI_JDBC_URL} (with {@code TIKETTI_JDBC_USER} and
 * {@code TIKETTI_JDBC_PASSWORD}), read as a system property first and then from the environment.
 */
final class HrDatabase implements AutoCloseable {
    static final String URL = "TIKETTI_JDBC_URL";
    static final String USER = "TIKETTI_JDBC_USER";
    static final String PASSWORD = "TIKETTI_JDBC_PASSWORD";

    private final DataSource dataSource;
    private final String description;
    private final Runnable onClose;

    private HrDatabase(DataSource dataSource, String description, Runnable onClose) {
        this.dataSource = dataSource;
        this.description = description;
        this.onClose = onClose;
    }

    /** The database the settings name, or the default H2 file under the repository's {@code data/}. */
    static HrDatabase fromSettings() {
        return setting(URL).map(url -> of(url, setting(USER).orElse(""), setting(PASSWORD).orElse("")))
                .orElseGet(() -> h2File(defaultDataDirectory().resolve("hr-helpdesk")));
    }

    /** An H2 file database at {@code file} (H2 adds {@code .mv.db}); created on first use. */
    static HrDatabase h2File(Path file) {
        return of("jdbc:h2:file:" + file.toAbsolutePath().normalize(), "sa", "");
    }

    static HrDatabase of(String url, String user, String password) {
        if (url.startsWith("jdbc:h2:")) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, user, password);
            return new HrDatabase(pool, url, pool::dispose);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url);
            pg.setUser(user);
            pg.setPassword(password);
            return new HrDatabase(pg, url, () -> { });
        }
        throw new IllegalArgumentException(URL + " must be a jdbc:h2: or jdbc:postgresql: URL, was '" + url
                + "'. Unset it to use the H2 file database under data/.");
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL, for telling the user where the data is. */
    String description() {
        return description;
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

package dev.tiketti.jpa.testing;

import dev.tiketti.jpa.JpaStorage;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One migrated database and EntityManagerFactory per test class (a factory takes seconds to
 * build). {@link #emptied} deletes the rows of the given tables and hands out a new
 * {@link JpaStorage} on the same factory, so a contract test starts from an empty store with no
 * state (such as cached workflow versions) left from an earlier test.
 */
public final class SharedStorage {
    private static final Map<Class<?>, SharedStorage> BY_CLASS = new ConcurrentHashMap<>();

    private final DataSource dataSource;
    private final EntityManagerFactory emf;
    private final JpaStorage storage;

    private SharedStorage(DataSource dataSource) {
        this.dataSource = dataSource;
        JpaStorage.migrate(dataSource);
        PersistenceConfiguration unit = new PersistenceConfiguration("contract-tests")
                .property("jakarta.persistence.nonJtaDataSource", dataSource)
                .property("hibernate.hbm2ddl.auto", "validate");
        for (String name : JpaStorage.managedClassNames()) {
            try {
                unit.managedClass(Class.forName(name));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        this.emf = unit.createEntityManagerFactory();
        this.storage = JpaStorage.of(emf);
    }

    /** The shared state of {@code testClass}, created on first use on a database from {@code database}. */
    public static SharedStorage of(Class<?> testClass, Supplier<DataSource> database) {
        return BY_CLASS.computeIfAbsent(testClass, c -> new SharedStorage(database.get()));
    }

    /** The database, for tests that look at it directly (e.g. at the server's view of lock waits). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** One storage for the whole test class. */
    public JpaStorage storage() {
        return storage;
    }

    /** Deletes every row of the given tables (children first) and returns a new storage. */
    public JpaStorage emptied(String... tables) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                s.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test tables", e);
        }
        return JpaStorage.of(emf);
    }
}

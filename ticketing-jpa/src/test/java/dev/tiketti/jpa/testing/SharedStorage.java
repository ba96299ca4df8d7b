package dev.tiketti.jpa.testing;

import dev.tiketti.jpa.JpaStorage;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One migrated database and {@link JpaStorage} per test class (an EntityManagerFactory takes
 * seconds to build), emptied before each contract test so every test starts from an empty store.
 */
public final class SharedStorage {
    private static final Map<Class<?>, SharedStorage> BY_CLASS = new ConcurrentHashMap<>();

    private final DataSource dataSource;
    private final JpaStorage storage;

    private SharedStorage(DataSource dataSource) {
        this.dataSource = dataSource;
        this.storage = JpaStorage.builder().dataSource(dataSource).migrate(true).build();
    }

    /** The storage of {@code testClass}, created on first use on a database from {@code database}. */
    public static SharedStorage of(Class<?> testClass, Supplier<DataSource> database) {
        return BY_CLASS.computeIfAbsent(testClass, c -> new SharedStorage(database.get()));
    }

    public JpaStorage storage() {
        return storage;
    }

    /** Deletes every row of the given tables, children first. */
    public JpaStorage emptied(String... tables) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                s.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test tables", e);
        }
        return storage;
    }
}

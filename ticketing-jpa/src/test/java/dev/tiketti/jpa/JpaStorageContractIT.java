package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.Databases;
import dev.tiketti.jpa.testing.SharedStorage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;

/** The testkit's storage contract on a real PostgreSQL. */
@DisplayName("JpaStorage on PostgreSQL passes the Storage contract")
class JpaStorageContractIT extends JpaStorageContractTests {
    @Override
    SharedStorage shared() {
        return SharedStorage.of(getClass(), Databases::postgres);
    }

    /**
     * Asks the server: a backend of this database waiting for a lock (a row lock, or another
     * transaction's uncommitted row with the same unique key). The thread itself shows only a
     * socket read, whatever the server is doing.
     */
    @Override
    protected boolean waitsForAnotherUnit(Thread unit) {
        try (Connection c = shared().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read pg_stat_activity", e);
        }
    }
}

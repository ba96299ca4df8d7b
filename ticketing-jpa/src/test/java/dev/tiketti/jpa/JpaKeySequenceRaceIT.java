package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.Databases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

class JpaKeySequenceRaceIT extends JpaKeySequenceRaceTests {
    @Override
    DataSource newDatabase() {
        return Databases.postgres();
    }

    @Override
    long sessionsWaiting(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package dev.tiketti.jpa;

import dev.tiketti.jpa.testing.Databases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

class JpaKeySequenceRaceTest extends JpaKeySequenceRaceTests {
    @Override
    DataSource newDatabase() {
        return Databases.h2();
    }

    /**
     * H2 waits for another transaction's uncommitted unique key by retrying the statement, without
     * a BLOCKER_ID: any other session executing a statement is the waiting one (the first
     * transaction executes none while it is held open).
     */
    @Override
    long sessionsWaiting(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM"
                + " INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID() AND EXECUTING_STATEMENT IS NOT NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
